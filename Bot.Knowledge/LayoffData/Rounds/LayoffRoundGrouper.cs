namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Groups sources that describe the same layoff into one <see cref="LayoffRound"/>: same company, dates within
/// <see cref="LayoffRoundGroupingOptions.WindowDays"/> of the event's first row, and compatible head counts
/// (within <see cref="LayoffRoundGroupingOptions.MaxCountRatio"/> of a row's count, of the rows' sum or of another
/// claim). Amazon's 10,000 (2022-11-16) and 8,000 (2023-01-04) rows form one event, which the memo's "just over
/// 18,000" joins because it matches their sum; Amazon's 84 of 2025-12-15 does not join the 14,000 of 2025-10-27.
/// WARN notices never start an event: one joins the event filed around it (<see cref="LayoffRoundGroupingOptions.WarnDaysBefore"/>
/// to <see cref="LayoffRoundGroupingOptions.WarnDaysAfter"/>) when it covers no more people than the event's largest
/// figure, as a part of it (Amazon's Washington notice of 2,303 on 2025-10-28 joins the 14,000 round).
/// Pure: the caller passes the rows, figures and notices.
/// </summary>
internal sealed class LayoffRoundGrouper(LayoffRoundGroupingOptions? options = null)
{
    private readonly LayoffRoundGroupingOptions options = options ?? new LayoffRoundGroupingOptions();

    public IReadOnlyList<LayoffRound> Group(
        IEnumerable<LayoffRow> rows, IEnumerable<ArticleFigure> figures, IEnumerable<WarnNotice>? notices = null)
    {
        var noticesByCompany = (notices ?? []).GroupBy(n => n.CompanyKey).ToDictionary(g => g.Key, g => g.ToList());
        var rowsByCompany = rows.GroupBy(r => r.CompanyKey).ToDictionary(g => g.Key, g => g.ToList());
        var figuresByCompany = figures.GroupBy(f => EmployerNameNormalizer.CompanyKey(f.Company)).ToDictionary(g => g.Key, g => g.ToList());
        var events = new List<LayoffRound>();
        foreach (var company in rowsByCompany.Keys.Union(figuresByCompany.Keys))
        {
            var drafts = new List<Draft>();
            foreach (var row in rowsByCompany.GetValueOrDefault(company, []).OrderBy(r => r.Date,
                StringComparer.Ordinal).ThenBy(r => r.Line))
                PlaceRow(drafts, row);
            foreach (var figure in figuresByCompany.GetValueOrDefault(company,
                []).OrderBy(f => f.Date).ThenBy(f => f.DocumentId).ThenBy(f => f.Start))
                PlaceFigure(drafts, figure);
            foreach (var notice in noticesByCompany.GetValueOrDefault(company, []).OrderBy(n => n.NoticeDate,
                StringComparer.Ordinal).ThenBy(n => n.File).ThenBy(n => n.Line))
                PlaceNotice(drafts, notice);
            events.AddRange(drafts.Select(d => d.ToEvent(company)));
        }
        return events.OrderBy(e => e.Company, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Start).ToList();
    }

    private void PlaceRow(List<Draft> drafts, LayoffRow row)
    {
        var date = row.DateValue;
        var target = drafts
            .Where(d => d.HasRows && date.DayNumber - d.Start.DayNumber <= options.WindowDays && CompatibleWithRows(d, row.Count))
            .OrderByDescending(d => d.Start).FirstOrDefault();
        if (target is null) drafts.Add(target = new Draft(date, row.Company));
        target.Add(new RoundSource
        {
            Kind = RoundSourceKind.DatasetRow,
            Claimant = row.Dataset,
            Date = date,
            Count = row.Count,
            Percentage = row.Percentage,
            Location = row.Location,
            Row = DataRowRenderer.Cite(row),
        });
    }

    private void PlaceFigure(List<Draft> drafts, ArticleFigure figure)
    {
        var best = drafts
            .Where(d => figure.Date.DayNumber >= d.Start.DayNumber - options.WindowDays
                        && figure.Date.DayNumber <= d.End.DayNumber + options.WindowDays)
            .Select(d => (draft: d, score: FigureScore(d, figure), distance: d.DistanceTo(figure.Date)))
            .Where(x => x.score is not null)
            .OrderBy(x => x.score).ThenBy(x => x.distance).Select(x => x.draft).FirstOrDefault();
        if (best is null) drafts.Add(best = new Draft(figure.Date, EmployerNameNormalizer.Canonical(figure.Company)));
        best.Add(new RoundSource
        {
            Kind = RoundSourceKind.Article,
            Claimant = figure.Claimant,
            Date = figure.Date,
            Count = figure.Count,
            Percentage = figure.Percentage,
            Article = figure,
        });
    }

    private void PlaceNotice(List<Draft> drafts, WarnNotice notice)
    {
        if (!DateOnly.TryParseExact(notice.NoticeDate, "yyyy-MM-dd", out var date)) return;
        var target = drafts
            .Where(d => d.HasRows && date.DayNumber >= d.Start.DayNumber - options.WarnDaysBefore
                        && date.DayNumber <= d.End.DayNumber + options.WarnDaysAfter)
            .Where(d => notice.EmployeesAffected is not { } n || d.LargestClaim is not { } largest || n <= largest)
            .OrderBy(d => d.DistanceTo(date)).ThenByDescending(d => d.Start).FirstOrDefault();
        target?.Add(new RoundSource
        {
            Kind = RoundSourceKind.WarnNotice,
            Claimant = $"WARN notice ({notice.State})",
            Date = date,
            Count = notice.EmployeesAffected,
            Location = notice.Location,
            Row = DataRowRenderer.Cite(notice),
        });
    }

    private bool CompatibleWithRows(Draft draft, int? count)
    {
        if (count is not { } c) return true;
        var counts = draft.Sources.Where(s => s.Kind == RoundSourceKind.DatasetRow).Select(s => s.Count).OfType<int>().ToList();
        return counts.Count == 0 || Ratio(c, counts.Max()) <= options.MaxCountRatio;
    }

    /// <summary>How far the figure is from the event's figures (0 = equal), or null when incompatible.</summary>
    private double? FigureScore(Draft draft, ArticleFigure figure)
    {
        if (figure.Count is { } c)
        {
            var values = draft.Sources.Where(s => s.Kind != RoundSourceKind.WarnNotice).Select(s => s.Count).OfType<int>().ToList();
            var rowCounts = draft.Sources.Where(s => s.Kind == RoundSourceKind.DatasetRow).Select(s => s.Count).OfType<int>().ToList();
            if (rowCounts.Count > 1) values.Add(rowCounts.Sum());
            if (values.Count == 0) return 1.0;
            var closest = values.Min(v => Ratio(c, v));
            return closest <= options.MaxCountRatio ? Math.Log(closest) : null;
        }
        if (figure.Percentage is { } p)
        {
            var percentages = draft.Sources.Where(s => s.Kind != RoundSourceKind.WarnNotice)
                .Select(s => s.Percentage).OfType<double>().Where(x => x > 0).ToList();
            if (percentages.Count == 0) return 1.0;
            var closest = percentages.Min(v => Ratio(p, v));
            return closest <= options.MaxCountRatio ? Math.Log(closest) : null;
        }
        return 1.0;
    }

    private static double Ratio(double a, double b)
    {
        if (a <= 0 || b <= 0) return a == b ? 1 : double.PositiveInfinity;
        return Math.Max(a, b) / Math.Min(a, b);
    }

    private sealed class Draft(DateOnly start, string company)
    {
        public DateOnly Start { get; private set; } = start;
        public DateOnly End { get; private set; } = start;
        public string Company { get; } = company;
        public List<RoundSource> Sources { get; } = [];
        public bool HasRows => Sources.Any(s => s.Kind == RoundSourceKind.DatasetRow);

        /// <summary>The larger of the rows' sum and any single claim, or null when no source gives a head count.</summary>
        public int? LargestClaim
        {
            get
            {
                var rowCounts = Sources.Where(s => s.Kind == RoundSourceKind.DatasetRow).Select(s => s.Count).OfType<int>().ToList();
                var claims = Sources.Where(s => s.Kind != RoundSourceKind.WarnNotice).Select(s => s.Count).OfType<int>().ToList();
                if (rowCounts.Count > 0) claims.Add(rowCounts.Sum());
                return claims.Count > 0 ? claims.Max() : null;
            }
        }

        /// <summary>Adds a source; only rows and article figures move the event's dates (a notice is filed after the fact).</summary>
        public void Add(RoundSource source)
        {
            if (source.Kind != RoundSourceKind.WarnNotice)
            {
                if (Sources.Count == 0 || source.Date < Start) Start = source.Date;
                if (Sources.Count == 0 || source.Date > End) End = source.Date;
            }
            Sources.Add(source);
        }

        public int DistanceTo(DateOnly date) =>
            date < Start ? Start.DayNumber - date.DayNumber : date > End ? date.DayNumber - End.DayNumber : 0;

        public LayoffRound ToEvent(string companyKey) => new(
            $"{companyKey}:{LayoffDateParser.ToIso(Start)}", Company, Start, End,
            Sources.OrderBy(s => s.Date).ThenBy(s => s.Kind).ThenBy(s => s.Row?.Line ?? 0).ToList());
    }
}
