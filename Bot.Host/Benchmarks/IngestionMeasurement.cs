namespace Bot.Host.Benchmarks;

/// <summary>Ingestion of the real articles through the pipeline against the raw encoder on the same passages.</summary>
internal sealed record IngestionMeasurement
{
    public int Documents { get; init; }
    public int Passages { get; init; }
    public double AverageDocumentChars { get; init; }
    public double AveragePassageChars { get; init; }
    /// <summary>The encoder alone, one passage per call, on the same texts, interleaved with the pipeline article by article.</summary>
    public double RawEncoderSeconds { get; init; }
    public double RawEncoderPassagesPerSecond { get; init; }
    public double PipelineSeconds { get; init; }
    public double PipelineDocumentsPerSecond { get; init; }
    public double PipelinePassagesPerSecond { get; init; }
    /// <summary>Pipeline passages/s divided by the raw encoder's passages/s.</summary>
    public double ShareOfEncoderThroughput { get; init; }
    public long DatabaseBytes { get; init; }
}
