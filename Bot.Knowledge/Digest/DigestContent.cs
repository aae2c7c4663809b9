using Bot.Knowledge.Events;

namespace Bot.Knowledge.Digest;

/// <summary>
/// What a digest says about one period: the layoff events dated in it (largest first), the articles ingested in
/// it grouped by company, the totals, and a chart of the last 30 days.
/// </summary>
public sealed record DigestContent
{
    public required DigestPeriod Period { get; init; }
    public IReadOnlyList<DigestEvent> Events { get; init; } = [];
    public IReadOnlyList<DigestCompanyArticles> Articles { get; init; } = [];
    /// <summary>Per company totals of the period's rows, largest first.</summary>
    public IReadOnlyList<CompanyTotal> Totals { get; init; } = [];
    /// <summary>Sum of the head counts of the period's rows (rows without one add nothing).</summary>
    public int TotalLaidOff { get; init; }
    public int ArticleCount => Articles.Sum(a => a.Articles.Count);
    /// <summary>Top companies of the 30 days before the period's end as a PNG, or null when those days have no head counts.</summary>
    public byte[]? Chart { get; init; }
    public string? ChartLabel { get; init; }

    public bool IsEmpty => Events.Count == 0 && Articles.Count == 0;
}
