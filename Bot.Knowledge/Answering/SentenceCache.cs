using System.Collections.Concurrent;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Sentence spans per document version, and the facts of each sentence, computed once: segmentation
/// and fact extraction (~0.2-0.5 ms a sentence on two cores, dozens of sentences an answer) are the hot path of answering.
/// </summary>
public sealed class SentenceCache
{
    private const int MaxEntries = 100_000;
    private readonly Memo<IReadOnlyList<TextSpan>> _spans = new(MaxEntries);
    private readonly Memo<SentenceFacts> _facts = new(MaxEntries);
    private readonly Memo<float[]> _vectors = new(MaxEntries / 4);

    public IReadOnlyList<TextSpan> For(DocumentRecord document) =>
        _spans.Get($"{document.Id}@{document.ContentHash}", _ => WithoutBullets(SentenceSegmenter.Split(document.Text), document.Text));

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
    public SentenceFacts Facts(string sentence) => _facts.Get(sentence, FactExtractor.Extract);

    /// <summary>The sentence's MiniLM vector (a few ms to compute, so only for sentences an answer ranks by meaning).</summary>
    public float[] Vector(string sentence, Embeddings.ITextEmbedder embedder) => _vectors.Get(sentence, embedder.Embed);

    /// <summary>
    /// A concurrent memo by exact text that starts afresh past its capacity. It counts its own additions:
    /// <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock of the dictionary, and asked on each
    /// lookup it was a fifth of the time spent answering.
    /// </summary>
    private sealed class Memo<TValue>(int capacity)
    {
        private ConcurrentDictionary<string, TValue> _map = new(StringComparer.Ordinal);
        private int _added;

        public TValue Get(string key, Func<string, TValue> create)
        {
            var map = _map;
            if (map.TryGetValue(key, out var value)) return value;
            if (Interlocked.Increment(ref _added) > capacity)
            {
                Interlocked.Exchange(ref _added, 0);
                _map = map = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
            }
            return map.GetOrAdd(key, create);
        }
    }
}
