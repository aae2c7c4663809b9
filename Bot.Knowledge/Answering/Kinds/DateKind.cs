using static Bot.Knowledge.Answering.AnswerWording;

namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "When did Intel announce it?", "by when will the cuts be done?", "how long is the hiring freeze?":
/// a plain "when" is the announcement day (a day near the report's own date, else the earliest dated
/// report); a "when" with a focus of its own is the sentence that puts a time on that focus.
/// </summary>
public sealed partial class DateKind : IFactKind
{
    public string Name => "date";

    /// <summary>How close in meaning a sentence without the part's focus words must be to answer a "when" (MiniLM cosine).</summary>
    private const double MinimumSemantic = 0.45;

    public bool AppliesTo(QuestionPart part) => Cue().IsMatch(part.Text.ToLowerInvariant());

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        if ((c.Part.Focus.Count > 0 || Deadline().IsMatch(c.Part.Text.ToLowerInvariant())) && WriteFocused(c, draft)) return
            KindOutcome.Answered;
        return WriteAnnouncement(c, draft);
    }

    /// <summary>The sentence that states a time for what the part is about ("tech workers will be informed ... in April").</summary>
    private static bool WriteFocused(FactContext c, AnswerDraft draft)
    {
        var timed = c.Pool.Where(s => TimeWords().IsMatch(s.Text) || s.Facts.Dates.Count > 0).ToList();
        // A calendar date ("dated March 3, 2024") is a better answer to "when" than a weekday or "in the coming weeks".
        var calendar = CalendarCue().IsMatch(c.Part.Text.ToLowerInvariant()) ? 1.0 : 0;
        var ranked = c.Rank(timed, s => (s.Facts.HasLayoffCue ? 0.2 : 0) + (TimeWords().IsMatch(s.Text) ? 0.3 : 0)
                                        + (s.Facts.Dates.Any(d => d.Precision != DatePrecision.Year) ? 0.5 : 0)
                                        + (s.Facts.Dates.Any(d => d.Precision == DatePrecision.Day) ? calendar : 0));
        // A deadline question without focus words is answered by the sentence that sets an end ("by fiscal 2028").
        // Focus words may only describe the round ("the low performer cuts"): a sentence close in meaning may answer without them.
        var best = c.Part.Focus.Count > 0 ? ranked.FirstOrDefault(r => r.Lexical > 0 || r.Semantic >= MinimumSemantic)
            : ranked.FirstOrDefault(r => EndOfPeriod().IsMatch(r.Sentence.Text));
        if (best is null) return false;
        var lead = $"{c.Name}{c.PeriodSuffix}: {draft.Inline(best.Sentence)}";
        var second = ranked.Skip(1).FirstOrDefault(r => r.Lexical >= best.Lexical && r.Sentence.Document.Id != best.Sentence.Document.Id
            && !SameText(r, best));
        draft.Say(second is null ? lead + "." : $"{lead}; also {draft.Inline(second.Sentence)}.");
        return true;
    }

    private static bool SameText(RankedSentence a, RankedSentence b) => a.Sentence.Text.Trim() == b.Sentence.Text.Trim();

    private static KindOutcome WriteAnnouncement(FactContext c, AnswerDraft draft)
    {
        // A date near the report's own publication date is the announcement; a date weeks away is something else.
        double NearPublication(CandidateSentence s)
        {
            if (s.Document.Published is not { } published) return 0;
            var date = s.Facts.Dates.First(d => d.Precision == DatePrecision.Day);
            var when = new DateTime(date.Year ?? published.Year, date.Month ?? 1, Math.Min(date.Day ?? 1, 28), 0, 0, 0, DateTimeKind.Utc);
            var days = Math.Abs((when - published).TotalDays);
            return days <= 7 ? 0.8 : days <= 31 ? 0.2 : -0.5;
        }
        var best = c.Pool.Where(s => s.Facts.Dates.Any(d => d.Precision == DatePrecision.Day))
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (s.Facts.HasLayoffCue ? 0.6 : 0) + (AnnounceWord(s.Text) ? 0.4 : 0)
                + (s.Facts.HeadCounts.Count > 0 ? 0.3 : 0) + NearPublication(s))
            .FirstOrDefault();
        if (best is not null && NearPublication(best) >= 0)
        {
            var date = best.Facts.Dates.First(d => d.Precision == DatePrecision.Day);
            var dateText = date.Span.Of(best.Text);
            var year = date.Year is null && best.Document.Published is { } p ? $", {p.Year.ToString(CultureInfo.InvariantCulture)}" : "";
            draft.Say($"{c.Name} announced it on {dateText}{year} [{draft.Quote(best)}].");
            return KindOutcome.Answered;
        }
        // No sentence names the day ("this afternoon"): the earliest dated report of the round is the best evidence.
        var reported = c.Pool.Where(s => s.Document.PublishedPrecision == "day" && s.Facts.HasLayoffCue)
            .OrderBy(s => s.Document.Published).ThenByDescending(s => s.Retrieval + s.Overlap).FirstOrDefault();
        if (reported is null) return KindOutcome.Nothing;
        draft.Say($"The articles don't give the day in their text; the earliest report I have is from " +
            $"{reported.Document.Published!.Value.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)} " +
            $"({ShortPublisher(reported.Document)}) [{draft.Quote(reported)}].");
        return KindOutcome.Answered;
    }

    /// <summary>A quarter as a time ("the first quarter", "next fiscal quarter"), not as a share ("a quarter of its staff").</summary>
    private const string DatedQuarter = @"(?:first|second|third|fourth|last|next|current|this|that|same|the) (?:fiscal )?quarter";

    [GeneratedRegex(@"\b(?:what|which|on what) (?:date|day)\b")] private static partial Regex CalendarCue();
    [GeneratedRegex(@"\b(?:by|until|till) when\b|\bhow long\b|\bdeadline\b|\bwhen will\b.*\b(?:done|complete|completed|finished|over|" +
        @"end)\b")] private static partial Regex Deadline();
    [GeneratedRegex(@"\bby (?:the )?(?:end of |fiscal |FY|mid-|early |late )?(?:\d{4}|January|February|March|April|May|June|July|August|" +
        @"September|October|November|December|Q[1-4]|year|" + DatedQuarter
        + @")|\bthrough (?:the )?end of\b|\buntil\b|\bwill (?:be )?complete\w*", RegexOptions.IgnoreCase)] private static partial Regex
        EndOfPeriod();
    // "when do they hear?" asks a time; "how many did it have when it announced" only places the question.
    [GeneratedRegex(@"^\W*when\b|\bwhen\s+(?:do|does|did|will|would|is|are|was|were|can|could|should|has|have|exactly)\b|\b(?:by|since|" +
        @"until|till) when\b|\bwhen\W*$|\bwhat date\b|\bwhich date\b|\bwhat day\b|\bwhich day\b|\bby when\b|\bhow long\b|\buntil when\b|" +
        @"\bwhat time\b|\bdeadline\b|\btimeline\b|\bhow soon\b")] private static partial Regex Cue();
    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|" +
        @"Wednesday|Thursday|Friday|today|tomorrow|this week|next week|weeks?|months?|days?|" + DatedQuarter
        + @"|Q[1-4]|FY\d\d|fiscal|end of|through|until|by the)\b")] private static partial Regex TimeWords();
}
