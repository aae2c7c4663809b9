namespace Bot.Host.Jobs;

/// <summary>
/// A watch alert as a neutral reply: the round's figure and date in one sentence, each source on its own line
/// (a layoffs.fyi row with file, line and URL), and each article figure as a numbered verbatim quote with its source.
/// Every figure shown is one a cited row or quote states.
/// </summary>
internal sealed class WatchAlertRenderer(IDocumentStore documents)
{
    public ChatReply Render(WatchAlert alert)
    {
        var round = alert.Round;
        var sources = round.Sources.Where(s => s.Kind != RoundSourceKind.WarnNotice).ToList();
        var lead = sources.FirstOrDefault(s => s.Kind == RoundSourceKind.DatasetRow && s.Count is not null)
            ?? sources.FirstOrDefault(s => s.Count is not null) ?? sources[0];
        var figure = lead.Count is { } count ? $"{count.ToString("N0", CultureInfo.InvariantCulture)} roles" : "head count not reported";
        if (lead.Percentage is { } share) figure += $" ({DataRowRenderer.Percent(share)})";
        var quotes = new List<ChatQuote>();
        foreach (var article in sources.Select(s => s.Article).OfType<ArticleFigure>())
        {
            var document = documents.Get(article.DocumentId);
            quotes.Add(new ChatQuote(quotes.Count + 1, article.Quote,
                new ChatSource(document?.Title ?? article.Claimant, article.Url ?? document?.Url,
                document?.Publisher, document?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }
        return new ChatReply
        {
            Text = $"Watched company {round.Company}: a new layoff round, {figure}, {Day(lead.Date)}, according to " +
                $"{lead.Claimant}{(quotes.Count > 0 && lead.Article is not null ? " [1]" : "")}.",
            Lines = sources.Where(s => s.Row is not null).Select(LayoffDataTextFormatter.Source).ToList(),
            Quotes = quotes,
        };
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
