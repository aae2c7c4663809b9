namespace Bot.Knowledge.Answering;

/// <summary>How answers name sources, periods and who says what; shared by every answer kind.</summary>
internal static partial class AnswerWording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string When(CandidateSentence s) => s.Document.Published is { } p
        ? (s.Document.PublishedPrecision == "day" ? $", reported {p.ToString("MMMM d, yyyy", Invariant)}"
            : $", reported {p.ToString("MMMM yyyy", Invariant)}") + $" by {ShortPublisher(s.Document)}"
        : $", reported by {ShortPublisher(s.Document)}";

    /// <summary>"Human Resources Online (humanresourcesonline.net)" -> "Human Resources Online".</summary>
    internal static string ShortPublisher(DocumentRecord d)
    {
        var p = d.Publisher ?? (d.Url is not null && Uri.TryCreate(d.Url, UriKind.Absolute, out var u) ? u.Host : "the source");
        var paren = p.IndexOf(" (", StringComparison.Ordinal);
        return (paren > 0 ? p[..paren] : p).Replace("\"", "");
    }

    /// <summary>A sentence about another year than the one asked ("its last cut, in 2023, ...") is weak evidence for a figure.</summary>
    internal static double TimePenalty(ParsedQuestion q, CandidateSentence s)
    {
        var years = s.Facts.Dates.Where(d => d.Year is not null).Select(d => d.Year!.Value).ToList();
        var penalty = PastCue().IsMatch(s.Text) ? 0.8 : 0;
        if (years.Count == 0) return penalty;
        var from = q.Period?.From.Year ?? s.Document.Published?.Year;
        var to = q.Period is { } pp ? pp.To.AddTicks(-1).Year : s.Document.Published?.Year;
        if (from is null || to is null) return penalty;
        return years.Any(y => y >= from && y <= to) ? (q.Period is null ? penalty : 0) : penalty + 1.5;
    }

    internal static string SourceType(CandidateSentence s) => s.Facts.Claimant switch
    {
        Claimant.Company => "confirmed by the company",
        Claimant.Report => "per news reports",
        _ => "per news coverage",
    };

    internal static string PeriodSuffix(ParsedQuestion q) => q.Period is null ? "" : $" in {q.Period.Label}";

    internal static string CoveredPeriods(IReadOnlyList<DocumentRecord> docs, string company)
    {
        var months = docs.Where(d => d.Published is not null).OrderBy(d => d.Published)
            .Select(d => d.Published!.Value.ToString("MMMM yyyy", Invariant)).Distinct().Take(6).ToList();
        return months.Count == 0 ? "" : $" They cover {company} in {string.Join(", ", months)}.";
    }

    internal static bool WorkforceWord(string s) => WorkforceWords().IsMatch(s);

    internal static bool AnnounceWord(string s) => AnnounceWords().IsMatch(s);

    /// <summary>
    /// The part of a sentence that carries its point, verbatim: the whole sentence when it is short
    /// enough to read, else the clauses around the strongest cue, so that "The reason ... was also laid
    /// bare, and it's AI." keeps "and it's AI".
    /// </summary>
    internal static string Fragment(string text, Func<string, double> score, int maxLength = 220)
    {
        text = text.Trim();
        if (text.Length <= maxLength) return text;
        var clauses = ClauseBreak().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count == 0) return text[..maxLength];
        var scores = clauses.Select(score).ToList();
        var best = scores.IndexOf(scores.Max());
        // Grow the fragment over neighbouring clauses that carry a cue too, then over plain ones while it is short.
        int first = best, last = best;
        string Span(int a, int b)
        {
            var start = text.IndexOf(clauses[a], StringComparison.Ordinal);
            var end = text.IndexOf(clauses[b], Math.Max(start, 0), StringComparison.Ordinal);
            return start < 0 || end < 0 ? clauses[best] : text[start..(end + clauses[b].Length)];
        }
        while (true)
        {
            var grew = false;
            if (last + 1 < clauses.Count && (scores[last + 1] > 0 || Span(first, last).Length < 60) && Span(first, last + 1).Length
                <= maxLength) { last++; grew = true; }
            else if (first > 0 && (scores[first - 1] > 0 || Span(first, last).Length < 60) && Span(first - 1, last).Length <= maxLength)
                { first--; grew = true; }
            if (!grew) break;
        }
        var fragment = Span(first, last);
        if (fragment.Length > maxLength)
        {
            var cut = fragment.LastIndexOf(' ', maxLength);
            fragment = fragment[..(cut > 40 ? cut : maxLength)].TrimEnd(',', ' ');
        }
        return fragment;
    }

    [GeneratedRegex(@"(?<!\d),(?!\d)|;|:|—|–|“|”|""|\.\s")] private static partial Regex ClauseBreak();
    [GeneratedRegex(@"\b(?:last|previous|previously|earlier|prior)\b", RegexOptions.IgnoreCase)] private static partial Regex PastCue();
    [GeneratedRegex(@"workforce|staff|employee|\bteam", RegexOptions.IgnoreCase)] private static partial Regex WorkforceWords();
    [GeneratedRegex(@"announc|memo|email|wrote|letter|told|\bsent\b|message|note to", RegexOptions.IgnoreCase)] private static partial Regex
        AnnounceWords();
}
