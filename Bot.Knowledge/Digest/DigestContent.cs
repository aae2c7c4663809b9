using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Digest;

/// <summary>
/// What a digest says about one period: the layoffs.fyi rows dated in it (largest first), the articles ingested in
/// it grouped by company, the totals, and a chart of its rounds.
/// </summary>
public sealed record DigestContent
{
    public required DigestPeriod Period { get; init; }
    public IReadOnlyList<DigestRow> Events { get; init; } = [];
    public IReadOnlyList<DigestCompanyArticles> Articles { get; init; } = [];
    /// <summary>Per company totals of the period's rows, largest first.</summary>
    public IReadOnlyList<CompanyTotal> Totals { get; init; } = [];
    /// <summary>Sum of the head counts of the period's rows (rows without one add nothing).</summary>
    public int TotalLaidOff { get; init; }
    public int ArticleCount => Articles.Sum(a => a.Articles.Count);
    /// <summary>The period's rounds by day or week as a PNG (<see cref="DigestChart"/>); null only when not asked for.</summary>
    public byte[]? Chart { get; init; }
    public string? ChartLabel { get; init; }
    /// <summary>The newest layoffs.fyi row's date when the period runs past it (the text and chart say "data to ..."), else null.</summary>
    public DateOnly? DataTo { get; init; }

    public bool IsEmpty => Events.Count == 0 && Articles.Count == 0;
}

/// <summary>
/// A layoffs.fyi row dated in the period (a row, not a merged round), with a one-line reason quoted from an article
/// when one was found.
/// </summary>
public sealed record DigestRow(string Company, int? Count, double? Percentage, DateOnly Date, DataCitation Citation, DigestReason? Reason);

/// <summary>One sentence quoted verbatim from a stored article, and where it comes from.</summary>
public sealed record DigestReason(string Quote, string DocumentId, string Title, string? Url, string? Publisher, DateTime? Published);

/// <summary>New articles about one company (its main company, the first one a document mentions).</summary>
public sealed record DigestCompanyArticles(string Company, IReadOnlyList<DigestArticle> Articles);

/// <summary>An article ingested during the period.</summary>
public sealed record DigestArticle(string DocumentId, string Title, string? Url, string? Publisher, DateTime? Published);
