using Bot.Knowledge.Charts;

namespace Bot.Knowledge.Digest;

/// <summary>
/// Builds the content of a digest for a period from the stored data: the layoffs.fyi rows dated in it (each with
/// a one-line reason quoted from an article of the same round, see <see cref="RoundReasonFinder"/>), the articles ingested in it
/// grouped by company, the period's totals and a chart of its rounds (<see cref="DigestChart"/>).
/// </summary>
public sealed class DigestBuilder(
    IDocumentStore documentStore, ILayoffRowStore rowStore, LayoffDataQueries queries, LayoffChartRenderer charts)
{
    private const string OtherCompany = "Other";

    public DigestContent Build(DigestPeriod period, bool withChart = true)
    {
        var documents = DocumentsOf(period);
        var events = EventsOf(period);
        var totals = period.EndDay > period.FirstDay
            ? queries.TotalsByCompany(period.FirstDay, period.EndDay.AddDays(-1))
            : [];
        var articles = documents
            .Where(d => d.IngestedAt >= period.From.UtcDateTime && d.IngestedAt < period.To.UtcDateTime)
            .GroupBy(d => d.Companies.FirstOrDefault() ?? OtherCompany, StringComparer.OrdinalIgnoreCase)
            .Select(g => new DigestCompanyArticles(g.Key, g
                .OrderByDescending(d => d.Published ?? d.IngestedAt)
                .Select(d => new DigestArticle(d.Id, d.Title, d.Url, d.Publisher, d.Published))
                .ToList()))
            // Companies with the most new articles first; "Other" last.
            .OrderBy(g => g.Company == OtherCompany).ThenByDescending(g => g.Articles.Count).ThenBy(g => g.Company,
                StringComparer.OrdinalIgnoreCase)
            .ToList();

        var newestRow = NewestRow();
        // The period runs past the data when its last day is after the newest row.
        DateOnly? dataTo = newestRow is { } newest && newest < period.EndDay.AddDays(-1) ? newest : null;
        var (chart, label) = withChart ? Chart(period, dataTo, newestRow) : (null, null);
        return new DigestContent
        {
            Period = period, Events = events, Articles = articles, Totals = totals,
            TotalLaidOff = events.Sum(e => e.Count ?? 0), Chart = chart, ChartLabel = label, DataTo = dataTo,
        };
    }

    /// <summary>The rounds chart of the period (see <see cref="DigestChart"/>): always a PNG, even when no row falls in it.</summary>
    private (byte[] Png, string Label) Chart(DigestPeriod period, DateOnly? dataTo, DateOnly? newestRow)
    {
        var (first, last) = DigestChart.Window(period.FirstDay, period.EndDay, newestRow);
        var rows = rowStore.Between(LayoffDateParser.ToIso(first), LayoffDateParser.ToIso(last));
        var (buckets, bucketDays) = DigestChart.Buckets(rows, first, last);
        var label = DigestChart.Label(first, last, dataTo);
        var title = rows.Count == 0
            ? $"No layoffs.fyi rounds, {label}"
            : $"Layoff rounds by {(bucketDays == 1 ? "day" : "week")}, {label}";
        return (charts.RoundsOverTime(title, buckets, bucketDays), label);
    }

    /// <summary>The newest layoffs.fyi row's date, or null when there are none.</summary>
    private DateOnly? NewestRow() =>
        queries.Latest(DateOnly.MaxValue, 1) is [var newest] ? newest.Row.DateValue : null;

    /// <summary>Documents ingested or published in the period (published dates are days, so compared by day).</summary>
    private List<DocumentRecord> DocumentsOf(DigestPeriod period)
    {
        var firstDay = period.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var endDay = period.EndDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return documentStore.IngestedOrPublished(period.From.UtcDateTime, period.To.UtcDateTime, firstDay, endDay).ToList();
    }

    private List<DigestRow> EventsOf(DigestPeriod period)
    {
        if (period.EndDay <= period.FirstDay) return [];
        var rows = rowStore.Between(LayoffDateParser.ToIso(period.FirstDay), LayoffDateParser.ToIso(period.EndDay.AddDays(-1)))
            .OrderByDescending(r => r.Count ?? -1).ThenBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.Company,
                StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (rows.Count == 0) return [];
        var documents = documentStore.ListDocuments();
        var rounds = new Dictionary<string, IReadOnlyList<LayoffRound>>();
        var reasons = new Dictionary<string, DigestReason?>();
        var events = new List<DigestRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!rounds.TryGetValue(row.CompanyKey, out var timeline))
                rounds[row.CompanyKey] = timeline = queries.Timeline(row.Company, includeWarn: false);
            // The round (as `ask` and `layoffs` group them) that holds this row; its window decides which articles may explain it.
            var round = timeline.FirstOrDefault(e
                => e.DatasetRows.Any(s => s.Row is { } cited && cited.File == row.File && cited.Line == row.Line));
            var window = round is null ? new
                RoundWindow(row.DateValue.AddDays(-RoundWindow.DaysBefore), row.DateValue.AddDays(RoundWindow.DaysAfter))
                : RoundWindow.Of(round);
            var roundKey = round?.Id ?? row.Id;
            if (!reasons.TryGetValue(roundKey, out var reason))
                reasons[roundKey] = reason = RoundReasonFinder.Find(row.CompanyKey, window, documents);
            events.Add(new DigestRow(row.Company, row.Count, row.Percentage, row.DateValue, DataRowRenderer.Cite(row), reason));
        }
        return events;
    }
}
