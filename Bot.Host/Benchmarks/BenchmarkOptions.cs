namespace Bot.Host.Benchmarks;

/// <summary>What the benchmark runs on and how much.</summary>
internal sealed record BenchmarkOptions
{
    public required IReadOnlyList<int> Sizes { get; init; }
    /// <summary>Distinct article variants (each chunked and embedded once); documents beyond it recombine their passages.</summary>
    public int Variants { get; init; } = 600;
    public int Repeat { get; init; } = 3;
    public int Seed { get; init; } = 20261128;
    public required string WorkFolder { get; init; }
    public required string EmbeddingCachePath { get; init; }
    public required string ArticlesFolder { get; init; }
    public required string QuestionsPath { get; init; }
    /// <summary>
    /// A PostgreSQL server (an Npgsql connection string to a role that may create databases): the run also measures a
    /// scratch database there, created and dropped by it. Kept out of the JSON report (it may hold a password).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? PostgresServer { get; init; }
}
