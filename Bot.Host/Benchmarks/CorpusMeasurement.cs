namespace Bot.Host.Benchmarks;

/// <summary>What one measuring process found on one knowledge base (one corpus size).</summary>
internal sealed record CorpusMeasurement
{
    public int Documents { get; init; }
    public int SyntheticDocuments { get; init; }
    public int Passages { get; init; }
    public double ModelLoadMs { get; init; }
    /// <summary>Making the in-memory index ready: loading its snapshot when current, else building it from LiteDB.</summary>
    public double IndexBuildMs { get; init; }
    public double FirstAnswerMs { get; init; }
    /// <summary>From the process start to the first answer: runtime start, host, model, index, answer.</summary>
    public double StartupToFirstAnswerMs { get; init; }
    public required LatencySummary Ask { get; init; }
    /// <summary>Process.PeakWorkingSet64 right after the model load and the index build.</summary>
    public long PeakWorkingSetAfterIndexBytes { get; init; }
    /// <summary>Process.PeakWorkingSet64 after the ask and retrieval runs, before the Lucene index exists.</summary>
    public long PeakWorkingSetBytes { get; init; }
    /// <summary>Largest WorkingSet64 sampled after each answer.</summary>
    public long MaxSampledWorkingSetBytes { get; init; }
    public long ManagedHeapBytes { get; init; }
    public required RetrievalMeasurement Hybrid { get; init; }
    public required RetrievalMeasurement HybridAsAsked { get; init; }
    /// <summary>The MiniLM half of our retrieval alone (exhaustive cosine), to see what the fusion with BM25 adds or costs.</summary>
    public required RetrievalMeasurement CosineOnly { get; init; }
    public required RetrievalMeasurement Lucene { get; init; }
    public double LuceneBuildMs { get; init; }
    /// <summary>Bytes the in-memory index holds per passage, by structure.</summary>
    public IReadOnlyDictionary<string, double> IndexBytesPerPassage { get; init; } = new Dictionary<string, double>();
    /// <summary>
    /// One article applied to the loaded index (<see cref="IncrementalUpdateBenchmark"/>), null in results of older runs.
    /// </summary>
    public LatencySummary? IncrementalUpdate { get; init; }
    /// <summary>True when the index came from its snapshot at start-up (else it was built from the database).</summary>
    public bool IndexFromSnapshot { get; init; }
}
