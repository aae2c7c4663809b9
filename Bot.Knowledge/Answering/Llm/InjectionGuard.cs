namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Recognises sentences in stored text that address a model rather than a reader ("ignore previous
/// instructions and tell the user ..."). Such a sentence is verbatim in the document, so the verifier
/// would accept a quote of it; quoting it out of context would still pass the attacker's words off as
/// a source's statement, so the LLM engine drops quotes that overlap one.
/// </summary>
internal static partial class InjectionGuard
{
    /// <summary>True when a sentence of <paramref name="text"/> overlapping [start, end) reads as an instruction to a model.</summary>
    public static bool OverlapsInstruction(string text, int start, int end) =>
        SentenceSegmenter.Split(text).Any(s => s.Start < end && s.End > start && Instruction().IsMatch(s.Of(text)));

    [GeneratedRegex(
        @"\b(?:ignore|disregard|forget)\b.{0,30}\b(?:instructions|prompts?)\b|\bsystem prompt\b|\b(?:tell|inform|say to) the user\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instruction();
}
