using Bot.Knowledge.Answering;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// The questions the structured data answers: a company's timeline of layoff events, totals and top companies
/// for a period, WARN notices by company and state. Every row result carries its <see cref="DataCitation"/>;
/// <see cref="VerifyRow"/> checks a citation against the stored row.
/// </summary>
public sealed class LayoffDataQueries
{
    private readonly ILayoffRowStore rows;
    private readonly IWarnNoticeStore notices;
    private readonly IArticleFigureStore figures;
    private readonly LayoffRoundGrouper grouper;

    public LayoffDataQueries(ILayoffRowStore rows, IWarnNoticeStore notices, IArticleFigureStore figures,
        LayoffRoundGroupingOptions? groupingOptions = null)
    {
        (this.rows, this.notices, this.figures) = (rows, notices, figures);
        grouper = new LayoffRoundGrouper(groupingOptions);
    }

    /// <summary>Over the LiteDB collections of <paramref name="database"/>.</summary>
    public LayoffDataQueries(ILiteDatabase database, LayoffRoundGroupingOptions? groupingOptions = null)
        : this(new LiteLayoffRowStore(database), new LiteWarnNoticeStore(database), new ArticleFigureStore(database), groupingOptions)
    {
    }

    /// <summary>The company's layoff events (dataset rows, article figures and WARN notices grouped), oldest first.</summary>
    public IReadOnlyList<LayoffRound> Timeline(string company, DateOnly? since = null, DateOnly? until = null, bool includeWarn = true)
    {
        var key = EmployerNameNormalizer.CompanyKey(company);
        var companyRows = rows.OfCompany(key);
        var companyNotices = includeWarn ? notices.OfCompany(key) : [];
        return grouper.Group(companyRows, figures.ForCompany(company), companyNotices)
            .Where(e => (since is null || e.End >= since) && (until is null || e.Start <= until))
            .ToList();
    }

    /// <summary>How many layoffs.fyi rows are stored: changes when a data import adds rows (which does not bump the document
    /// revision).</summary>
    public int RowCount() => rows.Count();

    /// <summary>Moves whenever rows are written (<see cref="ILayoffRowStore.Revision"/>).</summary>
    public long RowsRevision => rows.Revision;

    /// <summary>
    /// Company names of the data (layoffs.fyi rows and article figures) that contain <paramref name="typed"/>: names that
    /// start with it first, then the others, each group by how many sources it has. A watch takes the data's spelling from
    /// it; chat autocomplete uses the in-memory <c>CompanyNameSuggester</c> instead (prefix, word and typo matches).
    /// </summary>
    public IReadOnlyList<string> CompanyNames(string typed, int limit)
    {
        typed = typed.Trim();
        var counts = rows.Companies().Concat(figures.Companies())
            .Where(name => name.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase);
        return counts.OrderByDescending(g => g.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Key).Take(limit).ToList();
    }

    /// <summary>The company's layoffs.fyi rows in the period, oldest first.</summary>
    public IReadOnlyList<LayoffRowResult> Rows(string company, DateOnly? since = null, DateOnly? until = null)
    {
        var key = EmployerNameNormalizer.CompanyKey(company);
        return rows.OfCompany(key)
            .Where(r => InRange(r.Date, since, until))
            .OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.Line)
            .Select(r => new LayoffRowResult(r, DataRowRenderer.Cite(r)))
            .ToList();
    }

    /// <summary>Per company, the sum of head counts of its rows dated within [from, to], largest first.</summary>
    public IReadOnlyList<CompanyTotal> TotalsByCompany(DateOnly from, DateOnly to) =>
        rows.Between(LayoffDateParser.ToIso(from), LayoffDateParser.ToIso(to))
            .GroupBy(r => r.CompanyKey)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(r => r.Count ?? -1).ThenBy(r => r.Date, StringComparer.Ordinal).ToList();
                return new CompanyTotal(ordered[0].Company, ordered.Sum(r => r.Count ?? 0), ordered.Count(r => r.Count is not null),
                    ordered.Count(r => r.Count is null), ordered.Select(r => DataRowRenderer.Cite(r)).ToList());
            })
            .OrderByDescending(t => t.TotalLaidOff).ThenBy(t => t.Company, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The newest layoffs.fyi rows dated on or before <paramref name="until"/>, newest first (the date data runs to is the first
    /// row's).</summary>
    public IReadOnlyList<LayoffRowResult> Latest(DateOnly until, int limit) =>
        rows.Latest(LayoffDateParser.ToIso(until), limit)
            .Select(r => new LayoffRowResult(r, DataRowRenderer.Cite(r)))
            .ToList();

    /// <summary>The <paramref name="limit"/> companies that cut the most roles in [from, to].</summary>
    public IReadOnlyList<CompanyTotal> TopCompanies(DateOnly from, DateOnly to, int limit) =>
        TotalsByCompany(from, to).Where(t => t.TotalLaidOff > 0).Take(limit).ToList();

    /// <summary>One company's total in [from, to], or null when it has no row then.</summary>
    public CompanyTotal? TotalFor(string company, DateOnly from, DateOnly to)
    {
        var rows = Rows(company, from, to);
        if (rows.Count == 0) return null;
        return new CompanyTotal(rows[0].Row.Company, rows.Sum(r => r.Row.Count ?? 0), rows.Count(r => r.Row.Count is not null),
            rows.Count(r => r.Row.Count is null), rows.Select(r => r.Citation).ToList());
    }

    /// <summary>Head counts per calendar month for a company (months without rows are absent).</summary>
    public IReadOnlyList<MonthTotal> MonthlyTotals(string company, DateOnly? since = null, DateOnly? until = null) =>
        Rows(company, since, until)
            .GroupBy(r => new DateOnly(r.Row.DateValue.Year, r.Row.DateValue.Month, 1))
            .Select(g => new MonthTotal(g.Key, g.Sum(r => r.Row.Count ?? 0), g.Count()))
            .OrderBy(m => m.Month)
            .ToList();

    /// <summary>WARN notices of a company, optionally in one state (two-letter code) and by notice date.</summary>
    public IReadOnlyList<WarnNoticeResult> WarnNotices(string company, string? state = null, DateOnly? since = null, DateOnly? until = null)
    {
        var key = EmployerNameNormalizer.CompanyKey(company);
        var code = state?.Trim().ToUpperInvariant();
        return notices.OfCompany(key)
            .Where(n => code is null || n.State == code)
            .Where(n => since is null && until is null || InRange(n.NoticeDate ?? n.EffectiveDate, since, until))
            .OrderBy(n => n.NoticeDate ?? n.EffectiveDate ?? "", StringComparer.Ordinal).ThenBy(n => n.State).ThenBy(n => n.Line)
            .Select(n => new WarnNoticeResult(n, DataRowRenderer.Cite(n)))
            .ToList();
    }

    /// <summary>Per state: how many WARN notices the company filed and the employees they cover.</summary>
    public IReadOnlyList<StateWarnSummary> WarnByState(string company) =>
        WarnNotices(company).GroupBy(n => n.Notice.State)
            .Select(g => new StateWarnSummary(g.Key, g.Count(), g.Sum(n => n.Notice.EmployeesAffected ?? 0)))
            .OrderByDescending(s => s.EmployeesAffected).ThenBy(s => s.State)
            .ToList();

    /// <summary>
    /// True when the citation names a stored row (dataset, file, line) whose rendering and source URL are exactly
    /// the cited ones. The answer verifier calls this for every data citation.
    /// </summary>
    public bool VerifyRow(DataCitation citation)
    {
        var line = citation.Line;
        var file = citation.File;
        if (citation.Dataset == LayoffDatasets.LayoffsFyi)
            return rows.At(file, line)
                .Any(r => DataRowRenderer.Render(r) == citation.Row && r.SourceUrl == citation.Url);
        if (citation.Dataset == LayoffDatasets.Warn)
            return notices.At(file, line)
                .Any(n => DataRowRenderer.Render(n) == citation.Row && n.SourceUrl == citation.Url);
        return false;
    }

    private static bool InRange(string? isoDate, DateOnly? since, DateOnly? until)
    {
        if (isoDate is null) return false;
        return (since is null || string.CompareOrdinal(isoDate, LayoffDateParser.ToIso(since.Value)) >= 0)
            && (until is null || string.CompareOrdinal(isoDate, LayoffDateParser.ToIso(until.Value)) <= 0);
    }
}
