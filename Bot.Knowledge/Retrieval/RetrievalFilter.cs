namespace Bot.Knowledge.Retrieval;

/// <summary>Restricts retrieval to documents about some companies and/or published in a period.</summary>
public sealed record RetrievalFilter
{
    public IReadOnlyList<string> Companies { get; init; } = [];
    public DateTime? From { get; init; }
    /// <summary>Exclusive end of the period.</summary>
    public DateTime? To { get; init; }
    /// <summary>Only documents whose main company (the first listed) is one of <see cref="Companies"/>.</summary>
    public bool MainCompanyOnly { get; init; }

    public static readonly RetrievalFilter None = new();
}
