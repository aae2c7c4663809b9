namespace Bot.Host.Benchmarks;

/// <summary>Everything one benchmark run measured; serialised as the JSON report and rendered as markdown.</summary>
internal sealed record BenchmarkReport
{
    public required string Command { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Machine { get; init; }
    public string Note { get; init; } =
        "Corpora above the real articles are SYNTHETIC: the shared articles rewritten about other (real or fictitious) companies, moved " +
            "to other years, with scaled figures, and recombined (subsets of their passages, reordered). Only the real articles have " +
            "source files, so recall counts real passages only.";
    public required BenchmarkOptions Options { get; init; }
    public required IngestionMeasurement Ingestion { get; init; }
    public EmbeddingPoolMeasurement? EmbeddingPool { get; init; }
    public required IReadOnlyList<SizeResult> Sizes { get; init; }
    /// <summary>The same corpora on PostgreSQL, when the run was given a server.</summary>
    public PostgresBenchmarkResult? Postgres { get; init; }
    public IReadOnlyList<TargetCheck> Targets { get; init; } = [];
}
