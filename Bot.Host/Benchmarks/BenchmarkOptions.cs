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
}
