namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers from the structured data (layoffs.fyi rows, WARN notices) with each row cited as rendered
/// plus its file and line: "which companies cut the most in 2023?", and head counts the articles do
/// not give. Totals are sums the reader can check against the cited rows; the direct answer states only
/// figures that a cited row states.
/// </summary>
internal sealed partial class DataAnswerer(LayoffDataQueries queries, TimeProvider time)
{
    public static bool AsksForRanking(ParsedQuestion q) => q.Companies.Count == 0 && RankingCue().IsMatch(q.Text);

    /// <summary>Companies with the most roles cut in the period (the current year when none is named).</summary>
    public bool TryAnswerRanking(ParsedQuestion q, AnswerDraft draft)
    {
        var (from, to, label) = Range(q);
        var top = queries.TopCompanies(from, to, 5);
        if (top.Count == 0) return false;
        var names = top.Select(t =>
        {
            var largest = t.Rows.FirstOrDefault();
            return largest is null ? t.Company : $"{t.Company} [{draft.Row(largest)}]";
        });
        draft.Say($"By the layoffs.fyi rows, the companies that cut the most roles {label} were {string.Join(", ", names)}; each " +
            $"company's largest row is cited, and the ranking sums all of its rows with a head count.");
        return true;
    }

    /// <summary>The layoffs.fyi rows of one company in the period, when there are any.</summary>
    public bool TryAnswerCount(ParsedQuestion q, string company, AnswerDraft draft)
    {
        var (from, to, label) = Range(q, allTimeWhenOpen: true);
        return SayNewestRows(queries.Rows(company, from, to), 4, $"The layoffs.fyi data lists {company} layoffs{Spaced(label)}", draft);
    }

    /// <summary>"Latest X layoffs?" answered from articles of an older round: the newer layoffs.fyi rows, so the answer is not
    /// stale.</summary>
    public bool TryAnswerNewerRows(string company, DateOnly after, AnswerDraft draft)
    {
        return SayNewestRows(queries.Rows(company, after.AddDays(1), null), 3,
            $"The layoffs.fyi data lists later {company} layoffs than these articles", draft);
    }

    /// <summary>WARN notices of a company, optionally in one US state ("did Amazon file WARN notices in Washington?").</summary>
    public bool TryAnswerWarn(ParsedQuestion q, string company, AnswerDraft draft)
    {
        if (!WarnCue().IsMatch(q.Text)) return false;
        var state = UsStates.Find(q.Text);
        var (from, to, label) = Range(q, allTimeWhenOpen: true);
        var notices = queries.WarnNotices(company, state, from, to).OrderByDescending(n => n.Notice.NoticeDate).Take(4).ToList();
        if (notices.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say($"I found no WARN notices filed by {company}{(state is null ? "" : $" in {state}")}{Spaced(label)} in the WARN " +
                $"data I have.");
            return true;
        }
        var parts = notices.Select(n =>
            $"{n.Notice.EmployeesAffected?.ToString("N0") ?? "an unstated number of"} employees, notice {n.Notice.NoticeDate} " +
            $"[{draft.Row(n.Citation)}]");
        draft.Say($"Yes: WARN notices filed by {company}{(state is null ? "" : $" in {state}")} include {string.Join("; ", parts)}.");
        return true;
    }

    /// <summary>The newest rows with a head count, each cited: "{lead}: 250 on 2025-03-10 [4]; ...".</summary>
    private static bool SayNewestRows(IEnumerable<LayoffRowResult> rows, int limit, string lead, AnswerDraft draft)
    {
        var newest = rows.Where(r => r.Row.Count is not null).OrderByDescending(r => r.Row.Date).Take(limit).ToList();
        if (newest.Count == 0) return false;
        draft.Say($"{lead}: {string.Join("; ", newest.Select(r => $"{r.Row.Count:N0} on {r.Row.Date} [{draft.Row(r.Citation)}]"))}.");
        return true;
    }

    private static string Spaced(string label) => label.Length == 0 ? "" : " " + label;

    private (DateOnly From, DateOnly To, string Label) Range(ParsedQuestion q, bool allTimeWhenOpen = false)
    {
        if (q.Period is { } p) return (DateOnly.FromDateTime(p.From), DateOnly.FromDateTime(p.To.AddDays(-1)), $"in {p.Label}");
        if (allTimeWhenOpen) return (DateOnly.MinValue, DateOnly.MaxValue, "");
        var year = time.GetUtcNow().Year;
        return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"in {year}");
    }

    [GeneratedRegex(@"\b(?:the most|most (?:jobs|roles|layoffs|people|employees)|biggest|largest|top \d*|ranking|rank)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RankingCue();

    [GeneratedRegex(@"\bWARN\b|\bwarn notices?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WarnCue();
}
