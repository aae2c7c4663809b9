using Bot.Knowledge.Answering;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// One source's account of a layoff: who says it (<see cref="Claimant"/>), when, and its own figure. An event keeps
/// every source's figure as given; figures are never averaged.
/// </summary>
public sealed record RoundSource
{
    public required RoundSourceKind Kind { get; init; }
    /// <summary>"layoffs.fyi", or the article's claimant ("Andy Jassy memo, via Variety").</summary>
    public required string Claimant { get; init; }
    public required DateOnly Date { get; init; }
    public int? Count { get; init; }
    public double? Percentage { get; init; }
    public string? Location { get; init; }
    /// <summary>For a dataset row: the citation (rendered row, file, line, URL).</summary>
    public DataCitation? Row { get; init; }
    /// <summary>For an article figure: the quote with its document and offsets.</summary>
    public ArticleFigure? Article { get; init; }
}
