namespace Bot.Host.Benchmarks;

/// <summary>Recall@5 of one retrieval system over the dev questions with sources, and its warm latency.</summary>
/// <param name="SearchOnlyLatency">Latency with the query embedding computed beforehand (null for systems without one).</param>
internal sealed record RetrievalMeasurement(
    string System,
    double RecallAt5,
    int Hits,
    int Questions,
    IReadOnlyList<string> Misses,
    LatencySummary Latency,
    LatencySummary? SearchOnlyLatency);
