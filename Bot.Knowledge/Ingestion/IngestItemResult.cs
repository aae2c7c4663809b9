namespace Bot.Knowledge.Ingestion;

/// <summary>How an item ended; <see cref="InProgress"/> only reaches progress reports, for long documents still being embedded.</summary>
public enum IngestOutcome { Added, Updated, Unchanged, Failed, Skipped, InProgress }

/// <summary>What happened to one file, page or feed item.</summary>
public sealed record IngestItemResult(string Source, IngestOutcome Outcome, string? Title = null, string? Reason = null,
    string? DocumentId = null);

/// <summary>A summary over everything one ingest call touched.</summary>
public sealed record IngestReport(IReadOnlyList<IngestItemResult> Items)
{
    public int Count(IngestOutcome outcome) => Items.Count(i => i.Outcome == outcome);
    public bool AllFailed => Items.Count > 0 && Items.All(i => i.Outcome == IngestOutcome.Failed);
}
