namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "Any layoffs this week?", "latest layoffs": a period relative to the clock and to the newest data held.
/// Says how far the data runs, then lists the most recent rounds, each cited (data rows, or the newest
/// articles' figures when there are no rows).
/// </summary>
internal sealed class RecencyKind(LayoffDataQueries queries, HybridRetriever retriever, SentenceCache sentences, TimeProvider time)
    : IQuestionKind
{
    private const int Listed = 5;

    public string Name => "recency";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft)
    {
        if (context.Question.Intent != QuestionIntent.Recency) return false;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = queries.Latest(today, Listed);
        var articles = retriever.Index.Documents.Where(d => d.Published is not null && d.Companies.Count > 0 && d.Published
            <= today.ToDateTime(TimeOnly.MinValue).AddDays(1))
            .OrderByDescending(d => d.Published).ToList();
        var newestRow = rows.Count > 0 ? DateOnly.ParseExact(rows[0].Row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : (DateOnly?)null;
        var newestArticle = articles.Count > 0 ? DateOnly.FromDateTime(articles[0].Published!.Value) : (DateOnly?)null;
        var newest = new[] { newestRow, newestArticle }.Max();
        if (newest is null)
        {
            draft.NoAnswer = true;
            draft.Say("I don't know: I have no dated layoff data or articles yet.");
            return true;
        }
        var lag = today.DayNumber - newest.Value.DayNumber;
        draft.Say($"My data runs to {Day(newest.Value)}" + (lag > 7 ? ", so I can't tell you about anything newer than that." : "."));
        if (rows.Count > 0)
        {
            var items = rows.Select(r => $"{r.Row.Company}, " +
                $"{(r.Row.Count is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " roles" : "head count not given")}, " +
                $"{Day(r.Row.DateValue)} [{draft.Row(r.Citation)}]");
            draft.Say($"The most recent rounds in the layoffs.fyi data: {string.Join("; ", items)}.");
        }
        var recentArticles = articles.GroupBy(d => d.Companies[0]).Select(g => g.First()).Take(rows.Count > 0 ? 2 : Listed).ToList();
        var quoted = new List<string>();
        foreach (var doc in recentArticles)
        {
            var sentence = sentences.For(doc).Select(s => (Span: s, Text: s.Of(doc.Text)))
                .Where(s => EvidenceCollector.IsQuotable(s.Text))
                .Select(s => (s.Span, Facts: sentences.Facts(s.Text)))
                .FirstOrDefault(s => s.Facts.HasLayoffCue && (s.Facts.HeadCounts.Count > 0 || s.Facts.Percents.Count > 0));
            if (sentence.Facts is null) continue;
            quoted.Add($"{doc.Companies[0]}, reported {Day(DateOnly.FromDateTime(doc.Published!.Value))} " +
                $"[{draft.Quote(doc, sentence.Span)}]");
        }
        if (quoted.Count > 0) draft.Say($"The newest articles I have: {string.Join("; ", quoted)}.");
        return true;
    }

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
