namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "Amazon oct 2025 vs jan 2026, which round was bigger?", "Stripe in nov 22 or Shopify in jul 22: who
/// cut a bigger share?": each side (a company in its period, or one company in two periods) gets its
/// own figure from its own round's sources, then a one-line verdict when both sides have one of the
/// same kind. A side without a figure says so; nothing is inferred.
/// </summary>
public sealed partial class ComparisonKind : IQuestionKind
{
    public string Name => "comparison";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft)
    {
        var q = context.Question;
        var sides = Sides(q);
        if (sides.Count < 2) return false;
        var share = PercentKind.Asks(q.Text) && !Regex.IsMatch(q.Text, @"\bhow many\b", RegexOptions.IgnoreCase);
        var figures = new List<(string Label, double Value, string Text)>();
        foreach (var side in sides)
        {
            var label = side.Period is null ? side.Companies[0] : $"{side.Companies[0]} ({side.Period.Label})";
            var c = context.ContextFor(side);
            if (c is null)
            {
                draft.Say($"{label}: none of the articles I have covers it.");
                continue;
            }
            if (share && PercentKind.Best(c) is { } s)
            {
                var p = PercentKind.Figure(s);
                draft.Say($"{label}: {p.Text} of its workforce ({AnswerWording.ShortPublisher(s.Document)}) [{draft.Quote(s)}].");
                figures.Add((label, p.Value, p.Text));
            }
            else if (CountKind.Main(c) is { } m)
            {
                draft.Say($"{label}: {m.Head.Text} ({AnswerWording.ShortPublisher(m.Sentence.Document)}) [{draft.Quote(m.Sentence)}].");
                figures.Add((label, m.Head.Value, m.Head.Text));
                // Two sources disagreeing within one side ("the memo number vs what CBS wrote") are both shown.
                if (!share && Disagreeing(c, m.Head.Value) is { } other)
                    draft.Say($"{AnswerWording.ShortPublisher(other.Sentence.Document)} gives {other.Head.Text} for it " +
                        $"[{draft.Quote(other.Sentence)}].");
            }
            else
                draft.Say($"{label}: the articles I have don't give {(share ? "a share of the workforce" : "a head count")}.");
        }
        if (figures.Count >= 2 && figures.Select(f => f.Value).Distinct().Count() > 1)
        {
            var top = figures.MaxBy(f => f.Value);
            draft.Say($"{top.Label} was the larger{(share ? " share" : "")} ({string.Join(" vs ", figures.Select(f => f.Text))}).");
        }
        else if (figures.Count >= 2)
            draft.Say("The sources give the same figure for both.");
        if (figures.Count == 0) draft.NoAnswer = true;
        return true;
    }

    /// <summary>The sides: two or more companies (each in its own period), or one company in two or more periods.</summary>
    private static List<ParsedQuestion> Sides(ParsedQuestion q)
    {
        var compares = Cue().IsMatch(q.Text.ToLowerInvariant());
        if (q.Scopes.Select(s => s.Company).Distinct().Count() >= 2 && (compares || q.Scopes.Any(s => s.Period is not null)))
            return q.Scopes.DistinctBy(s => s.Company).Take(3).Select(q.ForScope).ToList();
        if (q.Companies.Count == 1 && q.Periods.Count >= 2 && compares)
            return q.Periods.Take(3).Select(p => q.ForScope(new CompanyScope(q.Companies[0], p))).ToList();
        return [];
    }

    private static (CandidateSentence Sentence, HeadCount Head)? Disagreeing(FactContext c, long main)
    {
        var others = c.Pool.Where(s => !FactExtractor.IsSpeculative(s.Text))
            .SelectMany(s => s.Facts.HeadCounts.Where(h => h.IsLayoff && !h.IsTotalWorkforce && h.Value != main && h.Value > main / 2
                && h.Value < main * 2)
                .Select(h => (Sentence: s, Head: h)))
            .Where(x => AnswerWording.TimePenalty(c.Question, x.Sentence) < 1)
            .OrderByDescending(x => x.Sentence.Retrieval)
            .ToList();
        return others.Count == 0 ? null : others[0];
    }

    [GeneratedRegex(@"\bcompar\w*|\bvs\.?\b|\bversus\b|\bdifference\b|\bdiffer\w*|\bbigger\b|\blarger\b|\bsmaller\b|\bmore\b|\bfewer\b|" +
        @"\bless\b|\bsame\b|\bwhich (?:one|round|was|company)\b|\bor\b")] private static partial Regex Cue();
}
