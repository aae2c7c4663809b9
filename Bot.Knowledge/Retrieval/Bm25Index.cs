using Bot.Knowledge.Text;

namespace Bot.Knowledge.Retrieval;

/// <summary>An in-memory BM25 (k1 = 1.2, b = 0.75) inverted index over passages.</summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2, B = 0.75;
    private readonly Dictionary<string, List<(int Passage, int Tf)>> _postings = new();
    private readonly List<int> _lengths = [];
    private double _averageLength;

    public int Count => _lengths.Count;

    public void Add(IReadOnlyList<string> tokens)
    {
        var id = _lengths.Count;
        _lengths.Add(tokens.Count);
        foreach (var group in tokens.GroupBy(t => t))
        {
            if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
            list.Add((id, group.Count()));
        }
    }

    /// <summary>The passages containing a (stemmed) term; empty when none.</summary>
    public IEnumerable<int> PassagesWith(string term) =>
        _postings.TryGetValue(term, out var postings) ? postings.Select(p => p.Passage) : [];

    public void Seal() => _averageLength = _lengths.Count == 0 ? 1 : Math.Max(1, _lengths.Average());

    /// <summary>Scores every passage allowed by <paramref name="allowed"/> that shares a term with the query.</summary>
    public Dictionary<int, double> Score(IEnumerable<string> queryTokens, Func<int, bool> allowed)
    {
        var scores = new Dictionary<int, double>();
        var n = _lengths.Count;
        foreach (var term in queryTokens.Distinct())
        {
            if (!_postings.TryGetValue(term, out var postings)) continue;
            var idf = Math.Log(1 + (n - postings.Count + 0.5) / (postings.Count + 0.5));
            foreach (var (passage, tf) in postings)
            {
                if (!allowed(passage)) continue;
                var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[passage] / _averageLength));
                scores[passage] = scores.GetValueOrDefault(passage) + idf * norm;
            }
        }
        return scores;
    }

    public static List<string> Tokens(string title, string passage) => Tokenizer.Tokenize(title + " " + passage);
}
