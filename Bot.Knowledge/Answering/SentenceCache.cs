using System.Collections.Concurrent;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Sentence spans per document version, and the facts of each sentence, computed once: segmentation
/// and fact extraction (~0.2-0.5 ms a sentence on two cores, dozens of sentences an answer) are the hot path of answering.
/// </summary>
public sealed class SentenceCache
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, IReadOnlyList<TextSpan>> _spans = new();
    private readonly ConcurrentDictionary<string, SentenceFacts> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public IReadOnlyList<TextSpan> For(DocumentRecord document)
    {
        if (_spans.Count > MaxEntries) _spans.Clear();
        return _spans.GetOrAdd($"{document.Id}@{document.ContentHash}",
            _ => WithoutBullets(SentenceSegmenter.Split(document.Text), document.Text));
    }

    /// <summary>
    /// "• Affected employees will be notified Wednesday • The company ...": a run of bullet points that the
    /// segmenter kept together becomes one span per point, without its bullet, so a point can be quoted.
    /// </summary>
    private static IReadOnlyList<TextSpan> WithoutBullets(IReadOnlyList<TextSpan> spans, string text)
    {
        if (!spans.Any(s => text.AsSpan(s.Start, s.Length).Contains('•'))) return spans;
        var result = new List<TextSpan>(spans.Count + 8);
        foreach (var span in spans)
        {
            var start = span.Start;
            for (var i = span.Start; i <= span.End; i++)
            {
                if (i < span.End && text[i] != '•') continue;
                var (from, to) = (start, i);
                while (from < to && char.IsWhiteSpace(text[from])) from++;
                while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
                if (to > from) result.Add(new TextSpan(from, to));
                start = i + 1;
            }
        }
        return result;
    }

    /// <summary>The facts of a sentence, by its exact text (the facts depend on nothing else).</summary>
    public SentenceFacts Facts(string sentence)
    {
        if (_facts.Count > MaxEntries) _facts.Clear();
        return _facts.GetOrAdd(sentence, FactExtractor.Extract);
    }

    /// <summary>The sentence's MiniLM vector (a few ms to compute, so only for sentences an answer ranks by meaning).</summary>
    public float[] Vector(string sentence, Embeddings.ITextEmbedder embedder)
    {
        if (_vectors.Count > MaxEntries / 4) _vectors.Clear();
        return _vectors.GetOrAdd(sentence, embedder.Embed);
    }
}
