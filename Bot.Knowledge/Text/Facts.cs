
namespace Bot.Knowledge.Text;

/// <summary>A head count stated in a sentence, e.g. "approximately 14,000 roles". <see cref="Span"/> covers qualifier through
/// noun.</summary>
public sealed record HeadCount(TextSpan Span, string Text, string NumberText, long Value, string? Qualifier, bool IsLayoff,
    bool IsTotalWorkforce);

/// <summary>A percentage, e.g. "about 8 per cent of staff", "12pc", "a fifth".</summary>
public sealed record PercentFigure(TextSpan Span, string Text, double Value);

/// <summary>A named person with the title the sentence gives them ("CEO Jane Doe", "John Roe, the company's vice chairman").</summary>
public sealed record PersonMention(string Name, string? Title);

/// <summary>Who a sentence attributes its figure to.</summary>
public enum Claimant { Unknown, Company, Report }

/// <summary>Facts found in one sentence, offsets relative to the sentence.</summary>
public sealed record SentenceFacts(
    IReadOnlyList<HeadCount> HeadCounts,
    IReadOnlyList<PercentFigure> Percents,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<PersonMention> People,
    double ReasonScore,
    IReadOnlyList<string> ReasonCues,
    Claimant Claimant,
    string? ReportedBy,
    bool HasLayoffCue);
