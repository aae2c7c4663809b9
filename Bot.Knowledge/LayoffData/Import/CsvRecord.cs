namespace Bot.Knowledge.LayoffData;

/// <summary>One CSV record: its fields and the 1-based physical line on which it starts.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
