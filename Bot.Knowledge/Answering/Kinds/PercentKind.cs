using static Bot.Knowledge.Answering.AnswerWording;

namespace Bot.Knowledge.Answering.Kinds;

/// <summary>"What % of staff did Stripe let go?": the share of the workforce a source states, in its own spelling.</summary>
public sealed partial class PercentKind : IFactKind
{
    public string Name => "percent";

    public static bool Asks(string text) => Cue().IsMatch(text.ToLowerInvariant());

    public bool AppliesTo(QuestionPart part) => Asks(part.Text);

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        var best = Best(c);
        if (best is null)
        {
            draft.Say($"I don't know: the articles I have don't give {c.Name}'s cut as a percentage{c.PeriodSuffix}.");
            return KindOutcome.Declined;
        }
        var percent = Figure(best);
        draft.Say($"{c.Name} cut {percent.Text} of its workforce ({SourceType(best)}{When(best)}) [{draft.Quote(best)}].");
        return KindOutcome.Answered;
    }

    /// <summary>The sentence that best states the round's share of the workforce, or null.</summary>
    public static CandidateSentence? Best(FactContext c) => c.Pool.Where(s => s.Facts.Percents.Count > 0)
        .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (s.Facts.HasLayoffCue ? 0.5 : 0) + (WorkforceWord(s.Text) ? 0.3 : 0)
            - TimePenalty(c.Question, s)
                           - (UpperBound().IsMatch(s.Text) ? 0.5 : 0) - (FactExtractor.IsSpeculative(s.Text) ? 0.3 : 0))
        .FirstOrDefault();

    public static PercentFigure Figure(CandidateSentence s) => s.Facts.Percents.OrderByDescending(p => p.Value < 100).First();

    // "up to 75 percent" is a ceiling someone planned or feared, weaker than a share stated as done.
    [GeneratedRegex(@"\bup to\b|\bas many as\b|\bas much as\b", RegexOptions.IgnoreCase)] private static partial Regex UpperBound();
    // "the 10% one" names a round by its figure; "what %" asks for one.
    [GeneratedRegex(@"(?<!\d\s?)%|\bpercent|\bper cent\b|\bpercentage\b|\bshare of\b|\bportion\b|\bfraction\b|\bproportion\b|\bwhat " +
        @"share\b|\bbigger share\b")] private static partial Regex Cue();
}
