namespace Bot.Knowledge.Charts;

/// <summary>
/// One bar of the rounds-over-time chart: a day or a week starting at <see cref="Start"/>, the roles its layoffs.fyi
/// rows cut, how many rows (rounds) it holds, and the names to print over it (the period's top companies whose
/// largest round falls in it).
/// </summary>
public sealed record RoundsBucket(DateOnly Start, int Roles, int Rounds, IReadOnlyList<string> Labels);
