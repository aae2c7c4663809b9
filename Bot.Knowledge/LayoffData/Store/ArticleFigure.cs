namespace Bot.Knowledge.LayoffData;

/// <summary>
/// A layoff figure stated in an article sentence, e.g. Jassy's memo "just over 18,000 roles".
/// <c>Quote</c> is the verbatim text at <c>[Start, End)</c> of the stored document; <c>Claimant</c> says who
/// reports the figure ("Andy Jassy memo, via Variety").
/// </summary>
public sealed record ArticleFigure(
    string Company, DateOnly Date, int? Count, double? Percentage, string Quote, string DocumentId, int Start, int End,
    string Claimant)
{
    /// <summary>The article's URL, when known, for citing.</summary>
    public string? Url { get; init; }
}
