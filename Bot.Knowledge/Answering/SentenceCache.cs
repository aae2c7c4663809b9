using System.Collections.Concurrent;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Answering;

/// <summary>Sentence spans per document version, computed once (segmentation is the hot path of answering).</summary>
public sealed class SentenceCache
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<TextSpan>> _spans = new();

    public IReadOnlyList<TextSpan> For(DocumentRecord document)
    {
        if (_spans.Count > 100_000) _spans.Clear();
        return _spans.GetOrAdd($"{document.Id}@{document.ContentHash}", _ => SentenceSegmenter.Split(document.Text));
    }
}
