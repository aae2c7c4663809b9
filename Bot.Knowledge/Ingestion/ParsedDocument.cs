namespace Bot.Knowledge.Ingestion;

/// <summary>A document read from a file, page or feed item, before it is stored. <see cref="Text"/> is stored verbatim.</summary>
public sealed record ParsedDocument
{
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required string SourceKind { get; init; }
    /// <summary>Where it came from, for dedupe: the canonical URL, or the full file path when there is no URL.</summary>
    public required string SourceKey { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public string? PublishedRaw { get; init; }
    /// <summary>A company named by the source itself (front matter), listed first among the companies.</summary>
    public string? CompanyHint { get; init; }
    /// <summary>The file it was read from, when it came from a file.</summary>
    public string? SourcePath { get; init; }
}
