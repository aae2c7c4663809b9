namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Turns the model's reply into an <see cref="Answer"/> (mode <c>llm</c>). Each quote is looked up in the
/// passage it cites and becomes a citation with offsets into the stored document; a quote that is not in
/// that passage, or that quotes an instruction planted in it (<see cref="InjectionGuard"/>), is dropped.
/// A sentence of the answer goes with it when it restates a dropped quote or cites only passages none of
/// whose quotes were kept. Passage markers [p] become the numbers of the kept quotes from p. The result
/// still goes through <see cref="AnswerVerifier"/> (figures and quoted words).
/// </summary>
internal sealed partial class LlmAnswerBuilder(ILogger<LlmAnswerBuilder> logger)
{
    private const int MinQuoteLength = 8;

    public Answer Build(string question, LlmReply reply, PassageCatalog catalog)
    {
        var draft = new AnswerDraft();
        var byPassage = new Dictionary<int, List<int>>();
        var dropped = new List<string>();
        foreach (var q in reply.Quotes)
        {
            var passage = catalog.Get(q.Passage);
            var span = passage is null ? null : Locate(passage.Text, q.Quote);
            if (passage is null || span is null)
            {
                logger.LogWarning("Dropped model quote for passage {Passage}: not found verbatim in that passage: {Quote}", q.Passage,
                    Shorten(q.Quote));
                dropped.Add(q.Quote);
                continue;
            }
            if (InjectionGuard.OverlapsInstruction(passage.Text, span.Value.Start, span.Value.End))
            {
                logger.LogWarning("Dropped model quote for passage {Passage}: it quotes text that addresses a model, not a reader: {Quote}",
                    q.Passage, Shorten(q.Quote));
                dropped.Add(q.Quote);
                continue;
            }
            var n = draft.Quote(passage.Document, new TextSpan(passage.Start + span.Value.Start, passage.Start + span.Value.End));
            var numbers = byPassage.TryGetValue(q.Passage, out var list) ? list : byPassage[q.Passage] = [];
            if (!numbers.Contains(n)) numbers.Add(n);
        }

        foreach (var sentence in SentenceSegmenter.Split(reply.Answer).Select(s => s.Of(reply.Answer)))
        {
            if (dropped.Any(d => Restates(sentence, d) && !draft.Citations.Any(c => Restates(c.Quote, d))))
            {
                logger.LogWarning("Removed from the model's answer: it restates a dropped quote: {Sentence}", sentence);
                continue;
            }
            var cited = PassageMarker().Matches(sentence).SelectMany(PassagesIn).ToList();
            if (cited.Count > 0 && !cited.Any(byPassage.ContainsKey))
            {
                logger.LogWarning("Removed from the model's answer: none of the passages it cites has a verified quote: {Sentence}",
                    sentence);
                continue;
            }
            draft.Say(RenumberMarkers(sentence, byPassage));
        }
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

    /// <summary>The sentence states the dropped quote's words as its own (spacing and case aside).</summary>
    private static bool Restates(string sentence, string droppedQuote)
    {
        var quote = Normalized(Trimmed(droppedQuote));
        return quote.Length >= MinQuoteLength && Normalized(sentence).Contains(quote, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalized(string s) => Whitespace().Replace(s, " ").Trim().TrimEnd('.');

    private static IEnumerable<int> PassagesIn(Match marker) =>
        marker.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse);

    private static string RenumberMarkers(string sentence, Dictionary<int, List<int>> byPassage)
    {
        var replaced = PassageMarker().Replace(sentence, m =>
            string.Concat(PassagesIn(m).SelectMany(p => byPassage.GetValueOrDefault(p) ?? []).Distinct().Select(n => $"[{n}]")));
        return SpaceBeforePunctuation().Replace(MultipleSpaces().Replace(replaced, " "), "$1").Trim();
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")] private static partial Regex PassageMarker();
    [GeneratedRegex(@"[ \t]{2,}")] private static partial Regex MultipleSpaces();
    [GeneratedRegex(@"\s+([.,;:!?])")] private static partial Regex SpaceBeforePunctuation();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
