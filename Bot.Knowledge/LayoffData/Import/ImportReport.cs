namespace Bot.Knowledge.LayoffData;

/// <summary>A row that was not imported, with the reason.</summary>
public sealed record SkippedRow(string File, int Line, string Reason);

/// <summary>What one import did. Re-importing the same files reports everything as unchanged.</summary>
public sealed record ImportReport
{
    public required string Dataset { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
    public int Read { get; init; }
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    /// <summary>Rows folded into a stored row as an extra source (other file, duplicate line).</summary>
    public int Merged { get; init; }
    /// <summary>Rows skipped because they repeat a stored row (also listed in <see cref="Skipped"/>).</summary>
    public int Duplicates { get; init; }
    public IReadOnlyList<SkippedRow> Skipped { get; init; } = [];
    public TimeSpan Elapsed { get; init; }

    public override string ToString() =>
        $"{Dataset}: {Read} rows read from {string.Join(", ", Files)}; {Added} added, {Updated} updated, " +
        $"{Unchanged} unchanged, {Merged} merged as extra sources, {Skipped.Count} skipped ({Duplicates} of them duplicates) " +
            $"({Elapsed.TotalSeconds:0.00} s)";
}
