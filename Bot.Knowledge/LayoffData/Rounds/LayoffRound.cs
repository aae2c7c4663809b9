namespace Bot.Knowledge.LayoffData;

/// <summary>
/// One layoff (a "round") of one company with every source that describes it. Dataset rows of the same round
/// are parts of it (layoffs.fyi splits Amazon's Jan 2023 round into 10,000 on 2022-11-16 and 8,000 on 2023-01-04);
/// article figures are claims about it ("just over 18,000"). Each keeps its own figure. The one type for a round;
/// <see cref="Answering.ArticleRound"/> is only the articles of one month that an answer chooses among.
/// </summary>
public sealed record LayoffRound(string Id, string Company, DateOnly Start, DateOnly End, IReadOnlyList<RoundSource> Sources)
{
    public IEnumerable<RoundSource> DatasetRows => Sources.Where(s => s.Kind == RoundSourceKind.DatasetRow);

    public IEnumerable<RoundSource> ArticleFigures => Sources.Where(s => s.Kind == RoundSourceKind.Article);

    /// <summary>WARN notices filed for parts of this layoff (per site or state; they add up to part of the whole).</summary>
    public IEnumerable<RoundSource> WarnNotices => Sources.Where(s => s.Kind == RoundSourceKind.WarnNotice);

    /// <summary>The sum of the dataset rows' head counts (rows without one are not counted), or null when none has one.</summary>
    public int? DatasetSum => DatasetRows.Any(s => s.Count is not null) ? DatasetRows.Sum(s => s.Count ?? 0) : null;

    /// <summary>True when sources give different head counts (shown side by side, not reconciled).</summary>
    public bool HasConflictingCounts
    {
        get
        {
            var claims = ArticleFigures.Select(s => s.Count).OfType<int>().ToList();
            if (DatasetSum is { } sum) claims.Add(sum);
            return claims.Distinct().Count() > 1;
        }
    }
}
