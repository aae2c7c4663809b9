namespace Bot.Knowledge.Answering;

/// <summary>
/// The answer to one question, in the shape of the public <c>ask --json</c> contract (the CLI names the JSON fields).
/// Every answer engine (extractive or LLM) produces this shape and every answer passes through
/// <see cref="AnswerVerifier"/> before it is shown.
/// </summary>
public sealed record Answer
{
    public required string Question { get; init; }
    /// <summary>The direct answer: one or two sentences; figures only from kept quotes.</summary>
    public required string Text { get; init; }
    /// <summary><c>extractive</c> or <c>llm</c>.</summary>
    public required string Mode { get; init; }
    public bool NoAnswer { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    /// <summary>Rows of structured data (layoffs.fyi, WARN) cited by the answer, when any.</summary>
    public IReadOnlyList<DataCitation> DataCitations { get; init; } = [];
    public double ElapsedMs { get; init; }
}

/// <summary>A verbatim quote: <c>storedText.Substring(Start, End - Start) == Quote</c>.</summary>
public sealed record Citation
{
    public int N { get; init; }
    public required string Quote { get; init; }
    public required string DocumentId { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public string? Published { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public bool Verified { get; init; }
}

/// <summary>What was asked and answered before in the same conversation (a chat thread).</summary>
public sealed record ConversationTurn(string Question, string Answer);

public sealed record AnswerRequest(string Question)
{
    /// <summary>Earlier turns of the same thread, oldest first, for follow-ups such as "and why?".</summary>
    public IReadOnlyList<ConversationTurn> History { get; init; } = [];
    /// <summary>Per-call override of the configured LLM: true forces it on, false off, null = configured.</summary>
    public bool? UseLlm { get; init; }
}

public interface IAnswerEngine
{
    Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);
}
