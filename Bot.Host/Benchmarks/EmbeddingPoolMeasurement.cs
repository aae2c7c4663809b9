namespace Bot.Host.Benchmarks;

/// <summary>The embedding work behind the synthetic corpora: distinct passage texts, and how many this run computed.</summary>
internal sealed record EmbeddingPoolMeasurement(
    int Variants,
    int DistinctPassageTexts,
    int ComputedThisRun,
    int LoadedFromCache,
    double EmbeddingSeconds,
    double PassagesPerSecond);
