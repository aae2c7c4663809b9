using System.Text.RegularExpressions;
using Bot.Knowledge.Text;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Turns the model's reply into an <see cref="Answer"/> (mode <c>llm</c>): each quote is looked up in the
/// passage it cites and becomes a citation with offsets into the stored document; a quote that is not in
/// that passage is dropped. Passage markers [p] in the text become the numbers of the kept quotes from p.
/// The result still goes through <see cref="AnswerVerifier"/>.
/// </summary>
internal sealed partial class LlmAnswerBuilder(ILogger<LlmAnswerBuilder> logger)
{
    private const int MinQuoteLength = 8;

    public Answer Build(string question, LlmReply reply, PassageCatalog catalog)
    {
        var draft = new AnswerDraft();
        var byPassage = new Dictionary<int, List<int>>();
        foreach (var q in reply.Quotes)
        {
            var passage = catalog.Get(q.Passage);
            var span = passage is null ? null : Locate(passage.Text, q.Quote);
            if (passage is null || span is null)
            {
                logger.LogWarning("Dropped model quote for passage {Passage}: not found verbatim in that passage: {Quote}", q.Passage, Shorten(q.Quote));
                continue;
            }
            var n = draft.Quote(passage.Document, new TextSpan(passage.Start + span.Value.Start, passage.Start + span.Value.End));
            var numbers = byPassage.TryGetValue(q.Passage, out var list) ? list : byPassage[q.Passage] = [];
            if (!numbers.Contains(n)) numbers.Add(n);
        }
        draft.Say(RenumberMarkers(reply.Answer, byPassage));
        return draft.Build(question) with { Mode = "llm" };
    }

    /// <summary>Where the quote is in the passage: exactly, or with different whitespace (the stored text is what gets quoted).</summary>
    internal static (int Start, int End)? Locate(string passage, string quote)
    {
        var q = Trimmed(quote);
        if (q.Length < MinQuoteLength) return null;
        var at = passage.IndexOf(q, StringComparison.Ordinal);
        if (at >= 0) return (at, at + q.Length);
        var words = q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var pattern = string.Join(@"\s+", words.Select(Regex.Escape));
        var m = Regex.Match(passage, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        return m.Success ? (m.Index, m.Index + m.Length) : null;
    }

    /// <summary>Models often wrap a quote in quotation marks or ellipses; those are not part of it.</summary>
    private static string Trimmed(string quote)
    {
        var q = quote.Trim();
        string previous;
        do
        {
            previous = q;
            q = q.Trim().Trim('"', '“', '”', '\'').Trim();
            if (q.StartsWith("...", StringComparison.Ordinal)) q = q[3..];
            if (q.EndsWith("...", StringComparison.Ordinal)) q = q[..^3];
            q = q.Trim('…');
        } while (q != previous);
        return q;
    }

    private static string RenumberMarkers(string text, Dictionary<int, List<int>> byPassage)
    {
        var replaced = PassageMarker().Replace(text, m =>
        {
            var passages = m.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse);
            var numbers = passages.SelectMany(p => byPassage.GetValueOrDefault(p) ?? []).Distinct();
            return string.Concat(numbers.Select(n => $"[{n}]"));
        });
        return SpaceBeforePunctuation().Replace(MultipleSpaces().Replace(replaced, " "), "$1").Trim();
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")] private static partial Regex PassageMarker();
    [GeneratedRegex(@"[ \t]{2,}")] private static partial Regex MultipleSpaces();
    [GeneratedRegex(@"\s+([.,;:!?])")] private static partial Regex SpaceBeforePunctuation();
}
