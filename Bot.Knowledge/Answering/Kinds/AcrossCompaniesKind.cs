namespace Bot.Knowledge.Answering.Kinds;

/// <summary>"Which companies blamed AI in 2025?": the best matching layoff sentence per company, across all companies.</summary>
internal sealed partial class AcrossCompaniesKind(EvidenceCollector collector) : IQuestionKind
{
    public string Name => "across-companies";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft)
    {
        var q = context.Question;
        if (q.Companies.Count > 0 || !Asks(q.Text)) return false;
        var evidence = collector.Collect(q, null, context.QuestionVector, passages: 40);
        var topical = evidence.Sentences
            .Where(s => s.Company.Length > 0 && s.Overlap > 0 && (s.Facts.ReasonScore > 0 || s.Facts.HasLayoffCue))
            .GroupBy(s => s.Company)
            .Select(g => g.MaxBy(s => s.Retrieval + 2 * s.Overlap + Math.Min(s.Facts.ReasonScore, 6) / 3)!)
            .OrderByDescending(s => s.Retrieval + 2 * s.Overlap)
            .Take(6)
            .ToList();
        var period = AnswerWording.PeriodSuffix(q);
        if (topical.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say($"I don't know: no article I have matches that{period}.");
            return true;
        }
        draft.Say($"Companies whose layoff coverage matches{period}: " +
            $"{string.Join(", ", topical.Select(s => $"{s.Company} [{draft.Quote(s)}]"))}.");
        return true;
    }

    public static bool Asks(string question) => Cue().IsMatch(question.ToLowerInvariant());

    [GeneratedRegex(@"\b(?:which|what) (?:companies|firms|tech companies|employers|big tech)\b|\bwho else\b|\bany (?:companies|firms)\b|" +
        @"\blist\b")] private static partial Regex Cue();
}
