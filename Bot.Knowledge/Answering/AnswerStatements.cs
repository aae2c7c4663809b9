using System.Globalization;
using Bot.Knowledge.Storage;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The sentences of an extractive answer, one method per kind of fact asked (count, percentage, date,
/// person, reasons): each picks the best candidate sentence, quotes it, and says what it states.
/// </summary>
internal static partial class AnswerStatements
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static bool SayCount(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft, bool compact)
    {
        var withCounts = pool
            // A hypothetical ("even a 1 per cent cut would affect 2,700") is not a figure anyone reported, unless a report says it.
            .Where(s => !FactExtractor.IsSpeculative(s.Text) || s.Facts.Claimant == Claimant.Report)
            .SelectMany(s => s.Facts.HeadCounts.Where(h => h.IsLayoff && !h.IsTotalWorkforce && h.Value >= 10).Select(h => (Sentence: s, Head: h)))
            .ToList();
        if (withCounts.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say($"I don't know the exact number: the articles I have don't give a head count for {name}'s layoffs{PeriodSuffix(q)}.");
            var percent = pool.Where(s => s.Facts.Percents.Count > 0 && s.Facts.HasLayoffCue).OrderByDescending(s => s.Retrieval + s.Overlap).FirstOrDefault();
            if (percent is not null)
                draft.Say($"They give a share of the workforce instead: \"{percent.Facts.Percents[0].Text}\" [{draft.Quote(percent)}].");
            return true;
        }

        double Score((CandidateSentence Sentence, HeadCount Head) c) =>
            c.Sentence.Retrieval + 1.5 * c.Sentence.Overlap + (c.Sentence.Facts.Claimant == Claimant.Company ? 0.3 : 0) + (c.Head.Qualifier is "up to" ? -0.2 : 0)
            - TimePenalty(q, c.Sentence);

        // One figure per value; a value that more documents state, in better-matching sentences, wins.
        var byValue = withCounts.GroupBy(c => c.Head.Value)
            .Select(g => (Value: g.Key, Best: g.MaxBy(Score), Support: g.GroupBy(c => c.Sentence.Document.Id).Sum(d => d.Max(Score))))
            .OrderByDescending(v => v.Support).ToList();
        var main = byValue[0].Best;
        var n = draft.Quote(main.Sentence);
        var who = main.Sentence.Facts.Claimant == Claimant.Report && main.Sentence.Facts.ReportedBy is { } outlet ? $"reported by {outlet}" : SourceType(main.Sentence);
        draft.Say($"{name}: {main.Head.Text} ({who}{When(main.Sentence)}) [{n}].");

        if (!compact)
        {
            // Where a report gives another figure than the company, show both and who says each.
            var other = byValue.Skip(1)
                .Select(v => v.Best)
                .FirstOrDefault(c => c.Sentence.Facts.Claimant == Claimant.Report && c.Head.Value > main.Head.Value);
            if (other.Sentence is not null)
            {
                var by = other.Sentence.Facts.ReportedBy is { } o ? $"reported by {o}" : "reported, not confirmed";
                draft.Say($"A higher figure, {other.Head.Text}, was {by}, not confirmed by {name} [{draft.Quote(other.Sentence)}].");
            }
            else
            {
                // Another source states a different figure for the same round: show it, and who says it.
                var differing = byValue.Skip(1).Select(v => v.Best).FirstOrDefault(c =>
                    c.Sentence.Document.Id != main.Sentence.Document.Id
                    && Math.Abs(c.Head.Value - main.Head.Value) > 0.05 * main.Head.Value
                    && c.Head.Value < 3 * main.Head.Value && c.Head.Value > main.Head.Value / 3
                    && Score(c) >= 0.6 * Score(main));
                if (differing.Sentence is not null)
                    draft.Say($"{ShortPublisher(differing.Sentence.Document)} gives {differing.Head.Text} instead [{draft.Quote(differing.Sentence)}].");
            }
        }
        return true;
    }

    internal static bool SayPercent(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft, bool answeredCount)
    {
        var best = pool.Where(s => s.Facts.Percents.Count > 0)
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (s.Facts.HasLayoffCue ? 0.5 : 0) + (WorkforceWord(s.Text) ? 0.3 : 0) - TimePenalty(q, s))
            .FirstOrDefault();
        if (best is null)
        {
            if (answeredCount) return false;
            draft.NoAnswer = true;
            draft.Say($"I don't know: the articles I have don't give {name}'s cut as a percentage{PeriodSuffix(q)}.");
            return true;
        }
        var percent = best.Facts.Percents.OrderByDescending(p => p.Value < 100).First();
        draft.Say($"{name} cut {percent.Text} of its workforce ({SourceType(best)}{When(best)}) [{draft.Quote(best)}].");
        return true;
    }

    internal static bool SayDate(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft)
    {
        // A date near the report's own publication date is the announcement; a date weeks away is something else.
        double NearPublication(CandidateSentence s)
        {
            if (s.Document.Published is not { } published) return 0;
            var date = s.Facts.Dates.First(d => d.Precision == Text.DatePrecision.Day);
            var when = new DateTime(date.Year ?? published.Year, date.Month ?? 1, Math.Min(date.Day ?? 1, 28), 0, 0, 0, DateTimeKind.Utc);
            var days = Math.Abs((when - published).TotalDays);
            return days <= 7 ? 0.8 : days <= 31 ? 0.2 : -0.5;
        }
        var best = pool.Where(s => s.Facts.Dates.Any(d => d.Precision == Text.DatePrecision.Day))
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (s.Facts.HasLayoffCue ? 0.6 : 0) + (AnnounceWord(s.Text) ? 0.4 : 0) + (s.Facts.HeadCounts.Count > 0 ? 0.3 : 0) + NearPublication(s))
            .FirstOrDefault();
        if (best is not null && NearPublication(best) >= 0)
        {
            var date = best.Facts.Dates.First(d => d.Precision == Text.DatePrecision.Day);
            var dateText = date.Span.Of(best.Text);
            var year = date.Year is null && best.Document.Published is { } p ? $", {p.Year.ToString(Invariant)}" : "";
            draft.Say($"{name} announced it on {dateText}{year} [{draft.Quote(best)}].");
            return true;
        }
        // No sentence names the day ("this afternoon"): the earliest dated report of the round is the best evidence.
        var reported = pool.Where(s => s.Document.PublishedPrecision == "day" && s.Facts.HasLayoffCue)
            .OrderBy(s => s.Document.Published).ThenByDescending(s => s.Retrieval + s.Overlap).FirstOrDefault();
        if (reported is null) return false;
        draft.Say($"The articles don't give the day in their text; the earliest report I have is from {reported.Document.Published!.Value.ToString("MMMM d, yyyy", Invariant)} ({ShortPublisher(reported.Document)}) [{draft.Quote(reported)}].");
        return true;
    }

    internal static bool SayWho(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft)
    {
        var best = pool.Where(s => s.Facts.People.Count > 0)
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (AnnounceWord(s.Text) ? 0.6 : 0) + (s.Facts.HasLayoffCue ? 0.3 : 0))
            .FirstOrDefault();
        if (best is null) return false;
        var person = best.Facts.People[0];
        draft.Say($"{person.Name}{(person.Title is null ? "" : $" ({person.Title})")} announced {name}'s layoffs{When(best)} [{draft.Quote(best)}].");
        return true;
    }

    internal static bool SayReason(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft)
    {
        // Stated reasons outrank speculation: the company's own words first, "may"/"suggests" last.
        var reasons = pool.Where(s => s.Facts.ReasonScore > 0)
            .OrderByDescending(s => Math.Min(s.Facts.ReasonScore, 8) / 2.5 + s.Retrieval + s.Overlap
                                    + (s.Facts.Claimant == Claimant.Company ? 0.3 : 0) - (FactExtractor.IsSpeculative(s.Text) ? 0.6 : 0))
            .ToList();
        if (reasons.Count == 0) return false;
        // Cover different kinds of reason (AI, structure, economy, over-hiring, costs) instead of one reason twice.
        var picked = new List<CandidateSentence> { reasons[0] };
        var themes = Themes(reasons[0]);
        foreach (var r in reasons.Skip(1))
        {
            if (picked.Count == 3) break;
            var fresh = Themes(r).Except(themes).ToList();
            if (fresh.Count == 0 || r.Facts.ReasonScore < 2) continue;
            picked.Add(r);
            themes.UnionWith(fresh);
        }
        var fragments = picked.Select(p => $"“{ReasonFragment(p)}” [{draft.Quote(p)}]").ToList();
        draft.Say($"Reasons given: {string.Join("; ", fragments)}.");
        return true;
    }

    /// <summary>The substantive kinds of reason a sentence gives (generic cause/cost words do not count as a new reason).</summary>
    internal static HashSet<string> Themes(CandidateSentence s) => s.Facts.ReasonCues.Select(FactExtractor.ThemeOf).Where(t => t is not ("cause" or "costs")).ToHashSet();

    /// <summary>The clause around the strongest reason cue, verbatim, cut at punctuation and word boundaries.</summary>
    internal static string ReasonFragment(CandidateSentence s)
    {
        var text = s.Text;
        var clauses = ClauseBreak().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count == 0) return text.Trim();
        var best = clauses.Select((c, i) => (Clause: c, Index: i, Score: FactExtractor.Extract(c).ReasonScore))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index).First();
        var fragment = best.Clause;
        // Very short clauses ("AI") read better with their neighbour, when it is still a clause of the same sentence.
        if (fragment.Length < 30 && best.Index + 1 < clauses.Count)
        {
            var joined = text.IndexOf(fragment, StringComparison.Ordinal) is var at and >= 0
                ? text[at..Math.Min(text.Length, text.IndexOf(clauses[best.Index + 1], at, StringComparison.Ordinal) + clauses[best.Index + 1].Length)]
                : fragment;
            if (joined.Length <= 160) fragment = joined.Trim();
        }
        if (fragment.Length > 160)
        {
            var cut = fragment.LastIndexOf(' ', 160);
            fragment = fragment[..(cut > 40 ? cut : 160)].TrimEnd(',', ' ');
        }
        return fragment;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d),(?!\d)|;|:|—|–|\(|\)|“|”|""|\.\s")]
    private static partial System.Text.RegularExpressions.Regex ClauseBreak();


    internal static string When(CandidateSentence s) => s.Document.Published is { } p
        ? (s.Document.PublishedPrecision == "day" ? $", reported {p.ToString("MMMM d, yyyy", Invariant)}" : $", reported {p.ToString("MMMM yyyy", Invariant)}") + $" by {ShortPublisher(s.Document)}"
        : $", reported by {ShortPublisher(s.Document)}";

    /// <summary>"Human Resources Online (humanresourcesonline.net)" -> "Human Resources Online".</summary>
    internal static string ShortPublisher(DocumentRecord d)
    {
        var p = d.Publisher ?? (d.Url is not null && Uri.TryCreate(d.Url, UriKind.Absolute, out var u) ? u.Host : "the source");
        var paren = p.IndexOf(" (", StringComparison.Ordinal);
        return (paren > 0 ? p[..paren] : p).Replace("\"", "");
    }

    /// <summary>A sentence about another year than the one asked ("its last cut, in 2023, ...") is weak evidence for a count.</summary>
    internal static double TimePenalty(ParsedQuestion q, CandidateSentence s)
    {
        var years = s.Facts.Dates.Where(d => d.Year is not null).Select(d => d.Year!.Value).ToList();
        var penalty = PastCue().IsMatch(s.Text) ? 0.8 : 0;
        if (years.Count == 0) return penalty;
        var from = q.Period?.From.Year ?? s.Document.Published?.Year;
        var to = q.Period is { } pp ? pp.To.AddTicks(-1).Year : s.Document.Published?.Year;
        if (from is null || to is null) return penalty;
        return years.Any(y => y >= from && y <= to) ? penalty : penalty + 1.5;
    }


    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:last|previous|previously|earlier|prior)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PastCue();

    internal static string SourceType(CandidateSentence s) => s.Facts.Claimant switch
    {
        Claimant.Company => "confirmed by the company",
        Claimant.Report => "per news reports",
        _ => "per news coverage",
    };

    internal static string PeriodSuffix(ParsedQuestion q) => q.Period is null ? "" : $" in {q.Period.Label}";

    internal static string CoveredPeriods(IReadOnlyList<DocumentRecord> docs, string company)
    {
        var months = docs.Where(d => d.Published is not null).Select(d => d.Published!.Value.ToString("MMMM yyyy", Invariant)).Distinct().Take(4).ToList();
        return months.Count == 0 ? "" : $" They cover {company} in {string.Join(", ", months)}.";
    }

    internal static bool WorkforceWord(string s) => s.Contains("workforce", StringComparison.OrdinalIgnoreCase) || s.Contains("staff", StringComparison.OrdinalIgnoreCase) || s.Contains("employee", StringComparison.OrdinalIgnoreCase) || s.Contains("team", StringComparison.OrdinalIgnoreCase);

    internal static bool AnnounceWord(string s) =>
        s.Contains("announc", StringComparison.OrdinalIgnoreCase) || s.Contains("memo", StringComparison.OrdinalIgnoreCase) || s.Contains("email", StringComparison.OrdinalIgnoreCase)
        || s.Contains("wrote", StringComparison.OrdinalIgnoreCase) || s.Contains("letter", StringComparison.OrdinalIgnoreCase) || s.Contains("told", StringComparison.OrdinalIgnoreCase) || s.Contains("sent", StringComparison.OrdinalIgnoreCase);
}
