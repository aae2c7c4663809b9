namespace Bot.Host.Evaluation;

/// <summary>One line of an eval set (see ../shared/eval/README.md).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("expect_all")] IReadOnlyList<string> ExpectAll,
    [property: JsonPropertyName("expect_any")] IReadOnlyList<string> ExpectAny,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>The grade of one answer: pass/fail and why.</summary>
public sealed record EvalGrade(string Id, string Kind, bool Pass, IReadOnlyList<string> Reasons, int UnverifiableQuotes, double ElapsedMs);
