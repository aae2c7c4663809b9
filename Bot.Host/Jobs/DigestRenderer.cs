namespace Bot.Host.Jobs;

/// <summary>
/// Turns digest content into a neutral <see cref="ChatReply"/>: a summary sentence, one line per layoff event
/// (largest first) and per company with new articles, the reasons as numbered verbatim quotes, and the chart.
/// Lists are capped so a busy period still reads as a digest; the platform renderers enforce their own limits.
/// </summary>
internal sealed class DigestRenderer
{
    public const int MaxEventLines = 15;
    public const int MaxArticleCompanies = 10;
    public const int MaxArticlesPerCompany = 3;
    public const int MaxQuotes = 5;
    public const string ChartFileName = "layoffs-rounds.png";

    public ChatReply Render(DigestContent content, TimeZoneInfo zone)
    {
        var period = content.Period;
        if (content.IsEmpty)
            return new ChatReply { Text = $"No new layoffs reported since {Day(period.From, zone)}{DataToNote(content)}.",
                NoAnswer = true };

        var quotes = new List<ChatQuote>();
        var quoteOf = new Dictionary<string, int>();
        var lines = new List<string>();
        foreach (var e in content.Events.Take(MaxEventLines))
        {
            var line = $"{e.Company}: {Count(e.Count, e.Percentage)}, {e.Date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} " +
                $"(layoffs.fyi{(e.Citation.Url is { Length: > 0 } url ? ", " + url : "")})";
            if (e.Reason is { } reason && (quoteOf.TryGetValue(reason.Quote, out var n) || quotes.Count < MaxQuotes))
            {
                if (!quoteOf.ContainsKey(reason.Quote))
                {
                    n = quotes.Count + 1;
                    quoteOf[reason.Quote] = n;
                    quotes.Add(new ChatQuote(n, reason.Quote, new ChatSource(reason.Title, reason.Url, reason.Publisher,
                        reason.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
                }
                line += $" — why: [{quoteOf[reason.Quote]}]";
            }
            lines.Add(line);
        }
        if (content.Events.Count > MaxEventLines)
            lines.Add($"… and {content.Events.Count - MaxEventLines} more layoff events.");

        foreach (var group in content.Articles.Take(MaxArticleCompanies))
        {
            var titles = group.Articles.Take(MaxArticlesPerCompany).Select(a => a.Publisher is { Length: > 0 } p ? $"{a.Title} ({p})"
                : a.Title);
            var more = group.Articles.Count > MaxArticlesPerCompany ? $"; +{group.Articles.Count - MaxArticlesPerCompany} more" : "";
            lines.Add($"New on {group.Company}: {string.Join("; ", titles)}{more}");
        }
        if (content.Articles.Count > MaxArticleCompanies)
            lines.Add($"… and new articles about {content.Articles.Count - MaxArticleCompanies} more companies.");

        return new ChatReply
        {
            Text = Summary(content, zone),
            Lines = lines,
            Quotes = quotes,
            Image = Chart(content),
        };
    }

    private static ChatImage? Chart(DigestContent content) =>
        content.Chart is { } png ? new ChatImage(ChartFileName, png, $"Bar chart of layoff rounds, {content.ChartLabel} (layoffs.fyi rows)")
            : null;

    /// <summary>" (data to 21 Aug 2026)" when the period runs past the newest row, so an empty stretch is not read as a quiet
    /// one.</summary>
    private static string DataToNote(DigestContent content) =>
        content.DataTo is { } to ? $" ({Bot.Knowledge.Digest.DigestChart.DataTo(to)})" : "";

    private static string Summary(DigestContent content, TimeZoneInfo zone)
    {
        var period = content.Period;
        var events = content.Events.Count == 0
            ? "no new layoff events"
            : $"{Plural(content.Events.Count, "layoff event")} ({content.TotalLaidOff.ToString("N0", CultureInfo.InvariantCulture)} " +
                $"roles) at {Plural(content.Events.Select(e => e.Company).Distinct(StringComparer.OrdinalIgnoreCase).Count(), "company",
                "companies")}";
        var articles = content.ArticleCount == 0 ? "no new articles"
            : $"{Plural(content.ArticleCount, "new article")} about {Plural(content.Articles.Count, "company", "companies")}";
        return $"Layoff digest, {Moment(period.From, zone)} to {Moment(period.To, zone)}{DataToNote(content)}: {events}; {articles}.";
    }

    private static string Count(int? count, double? percentage)
    {
        var roles = count is { } c ? $"{c.ToString("N0", CultureInfo.InvariantCulture)} roles" : "head count not reported";
        return percentage is { } p ? $"{roles} ({(p * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)" : roles;
    }

    private static string Plural(int n, string singular, string? plural = null) =>
        $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    private static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("MMM d, yyyy HH:mm", CultureInfo.InvariantCulture) + " " + ZoneLabel(zone);

    private static string ZoneLabel(TimeZoneInfo zone) => zone.Id;
}
