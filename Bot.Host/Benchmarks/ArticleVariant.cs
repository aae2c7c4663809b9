namespace Bot.Host.Benchmarks;

/// <summary>
/// A real article rewritten about another (or the same) company, with shifted years and scaled
/// figures. Its passages are chunked exactly as ingestion chunks them, so their texts are what gets embedded.
/// </summary>
internal sealed record ArticleVariant(
    string BaseSource,
    string Company,
    string Title,
    string Text,
    string? Publisher,
    DateTime? Published,
    string? PublishedPrecision,
    IReadOnlyList<string> Companies,
    IReadOnlyList<SyntheticPassage> Passages);
