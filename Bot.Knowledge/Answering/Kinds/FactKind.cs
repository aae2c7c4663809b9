namespace Bot.Knowledge.Answering.Kinds;

/// <summary>What writing a kind's part of an answer came to.</summary>
public enum KindOutcome
{
    /// <summary>Nothing said: the evidence holds nothing of this kind (the engine tries the general answer).</summary>
    Nothing,
    /// <summary>A statement backed by quotes.</summary>
    Answered,
    /// <summary>A precise "the sources don't say" (with the nearest thing they do say, when any).</summary>
    Declined,
}

/// <summary>
/// One kind of fact a question part can ask for (a head count, a percentage, a reason, a date, a
/// person, money, terms, scope, ...). Each kind recognises its own questions and writes its part of
/// the answer from quoted sentences; adding a kind is adding one class and registering it
/// (<see cref="AnsweringServiceCollectionExtensions"/>).
/// </summary>
public interface IFactKind
{
    /// <summary>Short name, for logs and tests.</summary>
    string Name { get; }

    /// <summary>Whether this part of the question asks for this kind of fact.</summary>
    bool AppliesTo(QuestionPart part);

    KindOutcome Write(FactContext context, AnswerDraft draft);
}

/// <summary>
/// Everything a fact kind needs to answer one part about one company: the parsed question (scoped to
/// the part), the sentences of the chosen round that are about the company, and the ranker that
/// scores sentences by the part's focus.
/// </summary>
public sealed record FactContext(
    ParsedQuestion Question,
    QuestionPart Part,
    string? Company,
    IReadOnlyList<CandidateSentence> Pool,
    FocusRanker Ranker,
    float[] QuestionVector,
    bool Compact)
{
    /// <summary>How the answer names its subject: the company, or "the companies covered" when none was named.</summary>
    public string Name => Company ?? "the companies covered";

    public string PeriodSuffix => AnswerWording.PeriodSuffix(Question);

    /// <summary>Sentences ranked by how well they answer this part (focus words, meaning, and the kind's own prior).</summary>
    public IReadOnlyList<RankedSentence> Rank(IEnumerable<CandidateSentence> sentences, Func<CandidateSentence, double>? prior = null) =>
        Ranker.Rank(sentences, Part.Focus, QuestionVector, prior);
}

/// <summary>
/// Kinds that answer a whole question rather than one part for one company: help, recent layoffs,
/// rankings from the data, WARN notices, comparisons, and a company's rounds. The first that answers wins.
/// </summary>
public interface IQuestionKind
{
    string Name { get; }

    bool TryAnswer(QuestionContext context, AnswerDraft draft);
}

/// <summary>
/// A whole question, and the evidence for one company in one period on demand (for kinds that compose
/// others, such as comparisons): null when no article covers that company.
/// </summary>
public sealed record QuestionContext(ParsedQuestion Question, float[] QuestionVector, Func<ParsedQuestion, FactContext?> ContextFor);

/// <summary>The citations an answer may attach to a document sentence.</summary>
public static class DraftExtensions
{
    /// <summary>The sentence in curly quotes with its citation number, when short enough to read inline.</summary>
    public static string Inline(this AnswerDraft draft, CandidateSentence sentence, int maxLength = 260)
    {
        var n = draft.Quote(sentence);
        var text = System.Text.RegularExpressions.Regex.Replace(sentence.Text.Trim(), @"\s+", " ");
        return text.Length <= maxLength ? $"“{text}” [{n}]" : $"[{n}]";
    }
}
