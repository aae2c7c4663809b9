using static Bot.Knowledge.Answering.AnswerWording;

namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "How many roles did Amazon cut?": the head count most sources state for the round, who says it, and
/// a differing figure from another source beside it (never averaged). A part with a focus of its own
/// ("how many of the cuts were in Ireland?") needs a figure stated about that focus; the overall figure
/// does not answer it.
/// </summary>
public sealed partial class CountKind : IFactKind
{
    public string Name => "count";

    public bool AppliesTo(QuestionPart part)
    {
        var text = part.Text.ToLowerInvariant();
        if (WorkforceKind.Asks(text)) return false;
        if (PercentKind.Asks(text) && !HowMany().IsMatch(text)) return false; // "what % of staff" asks a share
        if (NotHeads().IsMatch(text)) return false; // "how many weeks", "how many offices" count something else
        return Cue().IsMatch(text);
    }

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        var q = c.Question;
        var withCounts = Counted(c);

        // Words that narrow the question to a place or a team must be beside the figure that answers it.
        // "before the 18k, how many was that?": a figure the question already states is not what it asks for.
        var stated = FiguresIn(c.Question.Text);
        if (withCounts.Any(x => !stated.Contains(x.Head.Value))) withCounts =
            withCounts.Where(x => !stated.Contains(x.Head.Value)).ToList();
        var qualifiers = c.Part.Qualifiers;
        if (qualifiers.Count > 0)
        {
            var about = withCounts.Where(x => Near(qualifiers, x.Sentence.Text, x.Head.Span)).ToList();
            if (about.Count == 0) return DeclineQualified(c, qualifiers, draft);
            withCounts = about;
        }
        if (withCounts.Count == 0)
        {
            draft.Say($"I don't know the exact number: the articles I have don't give a head count for {c.Name}'s " +
                $"layoffs{c.PeriodSuffix}.");
            var percent = c.Pool.Where(s => s.Facts.Percents.Count > 0 && s.Facts.HasLayoffCue).OrderByDescending(s => s.Retrieval
                + s.Overlap).FirstOrDefault();
            if (percent is not null)
                draft.Say($"They give a share of the workforce instead: \"{percent.Facts.Percents[0].Text}\" [{draft.Quote(percent)}].");
            return KindOutcome.Declined;
        }

        var byValue = ByValue(c, withCounts);
        var main = byValue[0].Best;
        var n = draft.Quote(main.Sentence);
        var who = main.Sentence.Facts.Claimant == Claimant.Report && main.Sentence.Facts.ReportedBy is { } outlet ? $"reported by {outlet}"
            : SourceType(main.Sentence);
        draft.Say($"{c.Name}: {main.Head.Text} ({who}{When(main.Sentence)}) [{n}].");
        if (c.Compact) return KindOutcome.Answered;

        // Where a report gives another figure than the company, show both and who says each.
        var other = byValue.Skip(1).Select(v => v.Best)
            .FirstOrDefault(x => x.Sentence.Facts.Claimant == Claimant.Report && x.Head.Value > main.Head.Value
                && TimePenalty(q, x.Sentence) < 1);
        if (other.Sentence is not null)
        {
            var by = other.Sentence.Facts.ReportedBy is { } o ? $"reported by {o}" : "reported by other sources";
            draft.Say($"A higher figure, {other.Head.Text}, was {by}, not confirmed by {c.Name} [{draft.Quote(other.Sentence)}].");
            return KindOutcome.Answered;
        }
        // Another source states a different figure for the same round: show it, and who says it.
        var differing = byValue.Skip(1).Select(v => v.Best).FirstOrDefault(x =>
            x.Sentence.Document.Id != main.Sentence.Document.Id
            && Math.Abs(x.Head.Value - main.Head.Value) > 0.05 * main.Head.Value
            && x.Head.Value < 3 * main.Head.Value && x.Head.Value > main.Head.Value / 3
            && TimePenalty(q, x.Sentence) < 1
            && Score(c, x) >= 0.6 * Score(c, main));
        if (differing.Sentence is not null)
            draft.Say($"{ShortPublisher(differing.Sentence.Document)} gives {differing.Head.Text} instead " +
                $"[{draft.Quote(differing.Sentence)}].");
        return KindOutcome.Answered;
    }

    /// <summary>The head count the round's sources state most, in the best-matching sentences, or null.</summary>
    public static (CandidateSentence Sentence, HeadCount Head)? Main(FactContext c)
    {
        var withCounts = Counted(c);
        return withCounts.Count == 0 ? null : ByValue(c, withCounts)[0].Best;
    }

    private static List<(CandidateSentence Sentence, HeadCount Head)> Counted(FactContext c) => c.Pool
        // A hypothetical ("even a 1 per cent cut would affect 2,700") is not a figure anyone reported, unless a report says it.
        .Where(s => !FactExtractor.IsSpeculative(s.Text) || s.Facts.Claimant == Claimant.Report)
        .SelectMany(s => s.Facts.HeadCounts.Where(h => h.IsLayoff && !h.IsTotalWorkforce && h.Value >= 10).Select(h
            => (Sentence: s, Head: h)))
        .ToList();

    private static double Score(FactContext c, (CandidateSentence Sentence, HeadCount Head) x) =>
        x.Sentence.Retrieval + 1.5 * x.Sentence.Overlap + (x.Sentence.Facts.Claimant == Claimant.Company ? 0.3 : 0)
            + (x.Head.Qualifier is "up to" ? -0.2 : 0)
        - TimePenalty(c.Question, x.Sentence) + (c.Part.Focus.Count > 0 ? FocusRanker.Lexical(c.Part.Focus, x.Sentence.Text) : 0)
        // News puts the round's figure in the headline and first lines; "another 300", "600 of these" are parts of it.
        + (x.Sentence.Span.Start < LeadLength ? 0.5 : 0)
        - (PartOfRound().IsMatch(x.Sentence.Text[Math.Max(0, x.Head.Span.Start - 12)..Math.Min(x.Sentence.Text.Length,
            x.Head.Span.End + 16)]) ? 0.5 : 0);

    private const int LeadLength = 300;

    /// <summary>One figure per value; a value that more documents state, in better-matching sentences, wins.</summary>
    private static List<(long Value, (CandidateSentence Sentence, HeadCount Head) Best, double Support)>
        ByValue(FactContext c, List<(CandidateSentence Sentence, HeadCount Head)> withCounts) =>
        withCounts.GroupBy(x => x.Head.Value)
            .Select(g => (Value: g.Key, Best: g.MaxBy(x => Score(c, x)),
                Support: g.GroupBy(x => x.Sentence.Document.Id).Sum(d => d.Max(x => Score(c, x)))))
            .OrderByDescending(v => v.Support).ToList();

    /// <summary>Head counts written in the question ("18k", "14,000"), as values; years are not figures.</summary>
    private static HashSet<long> FiguresIn(string question) =>
        QuestionFigure().Matches(question)
            .Select(m => (Value: double.Parse(m.Groups["n"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture),
                K: m.Groups["k"].Success, Raw: m.Groups["n"].Value))
            .Where(f => f.K || f.Raw.Contains(',') || f.Value is < 1900 or > 2100)
            .Select(f => (long)(f.K ? f.Value * 1000 : f.Value))
            .ToHashSet();

    /// <summary>A qualifier counts only in the stretch of the sentence around the figure, not anywhere in a run-on sentence.</summary>
    private static bool Near(IReadOnlyList<string> qualifiers, string sentence, Text.TextSpan figure)
    {
        var from = Math.Max(0, figure.Start - 80);
        var to = Math.Min(sentence.Length, figure.End + 80);
        return FocusRanker.Matched(qualifiers, sentence[from..to]).Any();
    }

    private static KindOutcome DeclineQualified(FactContext c, IReadOnlyList<string> qualifiers, AnswerDraft draft)
    {
        draft.Say($"I don't know: the articles I have don't say how many of {c.Name}'s cuts{c.PeriodSuffix} concern " +
            $"{string.Join(" or ", qualifiers)}.");
        var nearest = c.Rank(c.Pool.Where(s => FocusRanker.Matched(qualifiers, s.Text).Any())).FirstOrDefault();
        if (nearest is not null) draft.Say($"What they do say about it: [{draft.Quote(nearest.Sentence)}].");
        return KindOutcome.Declined;
    }

    [GeneratedRegex(@"\bhow many\b|\bnumber of\b|\bhow big\b|\bhead ?count\b|\bhow large\b|\bfigure\b|\btotal\b|\bcount\b")] private static
        partial Regex Cue();
    [GeneratedRegex(@"\bhow many\b|\bnumber of\b|\bhead ?count\b")] private static partial Regex HowMany();
    [GeneratedRegex(@"\banother\b|\badditional\b|\bof (?:these|those|them|the)\b", RegexOptions.IgnoreCase)] private static partial Regex
        PartOfRound();
    [GeneratedRegex(@"\b(?:how many|number of) (?:weeks|months|days|years|hours|times|rounds|offices|countries|states|teams|locations|" +
        @"sites|divisions|companies|firms|products)\b")] private static partial Regex NotHeads();
    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d)?)(?<k>k\b)?(?!\s?%)", RegexOptions.IgnoreCase)] private static partial
        Regex QuestionFigure();
}
