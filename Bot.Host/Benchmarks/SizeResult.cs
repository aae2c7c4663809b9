namespace Bot.Host.Benchmarks;

/// <summary>One corpus size: how its database was built (synthetic documents written from cached embeddings) and what was measured on
/// it.</summary>
internal sealed record SizeResult(
    int RequestedDocuments,
    int SyntheticDocuments,
    int SyntheticPassagesWritten,
    double SyntheticWriteSeconds,
    long DatabaseBytes,
    CorpusMeasurement Measurement)
{
    /// <summary>Building the index from the database and saving its snapshot, before the measuring process starts from it.</summary>
    public double IndexSnapshotBuildSeconds { get; init; }
}
