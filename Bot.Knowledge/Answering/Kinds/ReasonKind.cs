namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "Why did Meta cut jobs?": the reasons the sources give, stated reasons before speculation, covering
/// different kinds of reason (AI, structure, economy, over-expansion) rather than one reason twice. Each
/// reason is quoted with the clauses that carry it.
/// </summary>
public sealed partial class ReasonKind : IFactKind
{
    public string Name => "reason";

    public bool AppliesTo(QuestionPart part) => Cue().IsMatch(part.Text.ToLowerInvariant());

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        if (c.Compact) return KindOutcome.Nothing;
        var candidates = c.Pool.Where(s => s.Facts.ReasonScore > 0).ToList();
        if (candidates.Count == 0) return KindOutcome.Nothing;
        // Stated reasons outrank speculation: the company's own words first, "may"/"suggests" last; the part's
        // own words ("the email to staff", "AI or money") and its meaning pick among them.
        var reasons = c.Rank(candidates, s => Math.Min(s.Facts.ReasonScore, 8) / 2.5 + s.Retrieval + 0.5 * s.Overlap
                                               + (s.Facts.Claimant == Claimant.Company ? 0.3 : 0)
                                                   - (FactExtractor.IsSpeculative(s.Text) ? 0.6 : 0)
                                               - AnswerWording.TimePenalty(c.Question, s) / 2)
            .Select(r => r.Sentence).ToList();
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
        var fragments = picked.Select(p
            => $"“{AnswerWording.Fragment(p.Text, clause => FactExtractor.Extract(clause).ReasonScore, maxLength: 140)}” " +
            $"[{draft.Quote(p)}]");
        draft.Say($"Reasons given: {string.Join("; ", fragments)}.");
        return KindOutcome.Answered;
    }

    /// <summary>The substantive kinds of reason a sentence gives (generic cause/cost words do not count as a new reason).</summary>
    private static HashSet<string> Themes(CandidateSentence s) =>
        s.Facts.ReasonCues.Select(FactExtractor.ThemeOf).Where(t => t is not ("cause" or "costs")).ToHashSet();

    [GeneratedRegex(@"\bwhy\b|\breasons?\b|\breasoning\b|\bblam\w*|\bcause\w*\b|\bbecause\b|\bwhat led\b|\bmotiv\w*|\brationale\b|" +
        @"\bjustif\w*|\bexplain\w*|\bcite[ds]?\b|\bciting\b|\bexcuse\w*|\btheme\b|\bwhat drove\b|\bbehind\b|\bdriv(?:e|en|ing) by\b|" +
        @"\bwas it (?:ai|money|costs?)\b|\bpoint of\b")] private static partial Regex Cue();
}
