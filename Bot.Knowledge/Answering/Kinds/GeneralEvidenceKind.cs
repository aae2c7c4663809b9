namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// The answer for every part no specific kind recognises ("was TBD Lab hit too?", "what did Jassy say
/// about AI?"): the sentences of the scoped evidence that best answer the part's focus, by focus words
/// and meaning, quoted under a one-line lead. When none addresses the focus, it says the sources don't
/// and quotes the nearest thing they do say.
/// </summary>
public sealed class GeneralEvidenceKind
{
    /// <summary>
    /// A sentence with none of the focus words must be this close in meaning to the question to count as
    /// an answer (MiniLM cosine). Checked on the dev sets and eval/extra.jsonl (run with every part that
    /// reaches this answer logged, 2026-11-30): the best sentence without a focus word scored 0.37-0.55
    /// where it did not answer the part ("was it jassy", "a second round in march 2023") and 0.59-0.64
    /// where it was quoted (once wrongly: extra x38); the unanswerable questions are declined by the
    /// specific kinds before they get here. Few parts reach this answer in those sets: the bar is a judgement.
    /// </summary>
    public const double MinimumSemantic = 0.62;

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        var ranked = c.Rank(c.Pool, s => (s.Facts.HasLayoffCue ? 0.05 : 0) + 0.1 * s.Overlap);
        var answering = ranked.Where(r => Addresses(c, r)).ToList();
        if (answering.Count == 0)
        {
            var topic = c.Part.Focus.Count > 0 ? string.Join(" ", c.Part.Focus) : "that";
            draft.Say($"I don't know: the articles I have on {c.Name}{c.PeriodSuffix} don't say anything about {topic}.");
            if (ranked.Count > 0 && !c.Compact) draft.Say($"The nearest they come is [{draft.Quote(ranked[0].Sentence)}].");
            return KindOutcome.Declined;
        }
        var picked = new List<RankedSentence> { answering[0] };
        foreach (var r in answering.Skip(1))
        {
            if (picked.Count == (c.Compact ? 1 : 3) || r.Score < 0.8 * answering[0].Score) break;
            if (picked.Any(p => p.Sentence.Text.Trim() == r.Sentence.Text.Trim())) continue;
            picked.Add(r);
        }
        var lead = c.Company is null ? $"The sources say{c.PeriodSuffix}" : $"On {c.Name}{c.PeriodSuffix}, the sources say";
        draft.Say($"{lead}: {string.Join("; ", picked.Select(p => draft.Inline(p.Sentence)))}.");
        return KindOutcome.Answered;
    }

    /// <summary>A sentence addresses the part when it has most of the focus words, or some and a close meaning.</summary>
    private static bool Addresses(FactContext c, RankedSentence r)
    {
        if (c.Part.Focus.Count == 0) return r.Semantic >= MinimumSemantic - 0.1;
        if (r.Lexical >= 0.5) return true;
        if (r.Lexical > 0) return r.Semantic >= MinimumSemantic - 0.15;
        return r.Semantic >= MinimumSemantic;
    }
}
