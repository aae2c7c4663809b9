namespace Bot.Knowledge.Answering;

[Flags]
public enum QuestionKind
{
    None = 0, Count = 1, Reason = 2, Date = 4, Who = 8, Percent = 16, Compare = 32, List = 64,
}

/// <summary>A period named by a question: [From, To) plus how a person would say it ("January 2023").</summary>
public sealed record QuestionPeriod(DateTime From, DateTime To, string Label);

/// <summary>What a question asks: about which companies, in which period, and which kinds of fact.</summary>
public sealed record ParsedQuestion
{
    public required string Text { get; init; }
    public IReadOnlyList<string> Companies { get; init; } = [];
    public QuestionPeriod? Period { get; init; }
    public QuestionKind Kinds { get; init; }
    /// <summary>Content words of the question (not company names or question words), stemmed.</summary>
    public IReadOnlyList<string> Topic { get; init; } = [];
    /// <summary>True when the subject came from an earlier turn of the thread.</summary>
    public bool InheritedSubject { get; init; }

    public bool Has(QuestionKind kind) => (Kinds & kind) != 0;
}
