namespace Bot.Knowledge.Answering;

/// <summary>A period named by a question: [From, To) plus how a person would say it ("January 2023").</summary>
public sealed record QuestionPeriod(DateTime From, DateTime To, string Label)
{
    public bool Contains(DateTime date) => date >= From && date < To;
}

/// <summary>What a message is, before any layoff answer is attempted.</summary>
public enum QuestionIntent
{
    /// <summary>A question about layoffs (the normal case).</summary>
    Layoffs,
    /// <summary>Greetings, thanks, "help", "what can you do", off-topic or unreadable messages: the help reply.</summary>
    Help,
    /// <summary>"Any layoffs this week?", "latest layoffs": a period relative to the clock and to the newest data.</summary>
    Recency,
}

/// <summary>
/// A round named by its place among the company's rounds: "the second round" (<see cref="Ordinal"/> 2),
/// "the last round" (-1), "after the March round" (<see cref="AfterMonth"/> 3), "before the March round".
/// </summary>
public sealed record RoundReference(int? Ordinal, int? AfterMonth, int? BeforeMonth);

/// <summary>A company as a question names it, with the period written beside it ("stripe in nov 22").</summary>
public sealed record CompanyScope(string Company, QuestionPeriod? Period);

/// <summary>
/// One part of a question ("how many ppl, and how long is the hiring freeze?" has two). <see cref="Focus"/>
/// holds the part's own content words: what is left after the company, the period, question words and
/// the generic vocabulary of layoffs ("notice pay", "hiring freeze", "toronto").
/// </summary>
/// <see cref="Qualifiers"/> are the focus words that narrow what is asked to a place or a part of the
/// company ("in ireland", "the dublin office"): a figure for the whole round does not answer them.
public sealed record QuestionPart(string Text, IReadOnlyList<string> Focus)
{
    public IReadOnlyList<string> Qualifiers { get; init; } = [];
}

/// <summary>What a question asks: about which companies, in which period, in how many parts.</summary>
public sealed record ParsedQuestion
{
    public required string Text { get; init; }
    public QuestionIntent Intent { get; init; } = QuestionIntent.Layoffs;
    public IReadOnlyList<string> Companies { get; init; } = [];
    /// <summary>Each company with its own period when the question gives one per company (comparisons).</summary>
    public IReadOnlyList<CompanyScope> Scopes { get; init; } = [];
    public QuestionPeriod? Period { get; init; }
    /// <summary>Every period the question names, in order ("oct 2025 vs jan 2026" has two).</summary>
    public IReadOnlyList<QuestionPeriod> Periods { get; init; } = [];
    /// <summary>Content words of the whole question (not company names or question words), stemmed.</summary>
    public IReadOnlyList<string> Topic { get; init; } = [];
    public IReadOnlyList<QuestionPart> Parts { get; init; } = [];
    public RoundReference? Round { get; init; }
    /// <summary>"latest", "most recent": of a company's rounds, the newest is meant.</summary>
    public bool AsksLatest { get; init; }
    /// <summary>True when the subject came from an earlier turn of the thread.</summary>
    public bool InheritedSubject { get; init; }

    /// <summary>The same question about one part only (what a fact kind answers).</summary>
    public ParsedQuestion ForPart(QuestionPart part) => this with { Text = part.Text, Parts = [part] };

    /// <summary>The same question about one company in its own period.</summary>
    public ParsedQuestion ForScope(CompanyScope scope)
        => this with { Companies = [scope.Company], Period = scope.Period ?? Period, Scopes = [scope] };
}
