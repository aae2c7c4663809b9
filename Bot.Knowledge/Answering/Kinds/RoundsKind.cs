namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "How many rounds has Meta had, and how big was each?", "Microsoft's 2025 layoffs in total": the
/// company's rounds as the layoff timeline groups them (dataset rows, article figures and WARN notices:
/// the one notion of a round shared with <c>layoffs</c> and the digest), each with its figure and
/// source, and a total only where every round has a head count of the same kind.
/// </summary>
internal sealed partial class RoundsKind(LayoffDataQueries queries, IDocumentStore documents) : IQuestionKind
{
    private const int MaxListed = 8;

    public string Name => "rounds";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft)
    {
        var q = context.Question;
        if (q.Companies.Count != 1 || !Cue().IsMatch(q.Text.ToLowerInvariant()) || WorkforceKind.Asks(q.Text)) return false;
        // "in total" about one month is about that round, not the timeline.
        if (q.Period is { } p && (p.To - p.From).TotalDays < 40 && !Regex.IsMatch(q.Text, @"\brounds?\b", RegexOptions.IgnoreCase)) return
            false;
        var company = q.Companies[0];
        var since = q.Period is null ? (DateOnly?)null : DateOnly.FromDateTime(q.Period.From);
        var until = q.Period is null ? (DateOnly?)null : DateOnly.FromDateTime(q.Period.To.AddDays(-1));
        var rounds = queries.Timeline(company, since, until, includeWarn: false)
            .Where(r => r.DatasetRows.Any(s => s.Count is not null)
                || r.ArticleFigures.Any(s => s.Count is not null || s.Percentage is not null))
            .ToList();
        if (rounds.Count == 0) return false;
        var items = new List<string>();
        var counts = new List<int?>();
        foreach (var round in rounds.TakeLast(MaxListed))
        {
            var (figure, cite, count) = Describe(round, draft);
            counts.Add(count);
            items.Add($"{round.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}: {figure} {cite}");
        }
        var scope = q.Period is null ? "" : $" in {q.Period.Label}";
        draft.Say($"{company} layoff rounds{scope} in my sources, oldest first: {string.Join("; ", items)}.");
        if (rounds.Count > MaxListed) draft.Say("Only the latest rounds are listed.");
        // Rounds of different sources don't add up safely; a total is given only as a source states it.
        if (Total().IsMatch(q.Text) && context.ContextFor(q) is { } evidence
            && evidence.Pool.Where(s => Cumulative().IsMatch(s.Text) && s.Facts.HeadCounts.Any(h => h.IsLayoff && !h.IsTotalWorkforce))
                .OrderByDescending(s => s.Retrieval).FirstOrDefault() is { } total)
            draft.Say($"A source gives a running total: {draft.Inline(total)}.");
        return true;
    }

    /// <summary>A round's figure: an article's own words first (quoted), else its dataset rows' sum.</summary>
    private (string Figure, string Cite, int? Count) Describe(LayoffRound round, AnswerDraft draft)
    {
        var article = round.ArticleFigures.Where(s => s.Article is not null && (s.Count is not null || s.Percentage is not null))
            .OrderByDescending(s => s.Count ?? 0).FirstOrDefault();
        if (article?.Article is { } a && documents.Get(a.DocumentId) is { } doc && a.End <= doc.Text.Length)
        {
            var n = draft.Quote(doc, new Text.TextSpan(a.Start, a.End));
            // A share is shown in the quote's own words (the sentence may spell it "a fifth", "12pc", "8 per cent").
            var figure = a.Count is { } c ? $"{c.ToString("N0", CultureInfo.InvariantCulture)} roles" : "a share of staff";
            return (figure, $"[{n}]", a.Count);
        }
        var rows = round.DatasetRows.Where(s => s.Row is not null && s.Count is not null).ToList();
        // Each row's own figure, so every number shown is one a cited row states (a round split over rows reads "1,200 + 1,000").
        var shown = rows.Take(3).ToList();
        var rowFigures = string.Join(" + ", shown.Select(s => s.Count!.Value.ToString("N0", CultureInfo.InvariantCulture)));
        var cites = string.Join("", shown.Select(s => $"[{draft.Row(s.Row!)}]"));
        return ($"{rowFigures} roles (layoffs.fyi)", cites, rows.Sum(s => s.Count!.Value));
    }

    [GeneratedRegex(@"\bin total\b|\ball together\b|\baltogether\b|\bcombined\b|\bcumulative\b|\bso far\b|\boverall\b")] private static
        partial Regex Total();
    [GeneratedRegex(@"\bthis year\b|\bso far\b|\bin total\b|\baltogether\b|\bcombined\b|\bsince (?:January|the start)\b|\byear to date\b",
        RegexOptions.IgnoreCase)] private static partial Regex Cumulative();
    [GeneratedRegex(@"\bhow many (?:layoff )?rounds\b|\brounds?\b.*\beach\b|\beach (?:round|one|time)\b|\bevery round\b|\ball (?:the |" +
        @"their |its )?(?:rounds|layoffs)\b|\bin total\b|\ball together\b|\baltogether\b|\bcombined\b|\bcumulative\b|\btimeline\b|" +
        @"\bhistory of\b|\bso far\b")] private static partial Regex Cue();
}
