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

    /// <summary>
    /// The <paramref name="depth"/> best-scoring allowed passages, best first (ties in the order first
    /// matched, as <see cref="Score"/> then a stable sort gives). Scores into a pooled dense array and
    /// keeps a bounded heap: at 10k documents a term like "layoff" matches most passages, and a
    /// dictionary of them plus a full sort was most of the search time.
    /// </summary>
    public List<int> Top(IEnumerable<string> queryTokens, Func<int, bool> allowed, int depth)
    {
        var n = _lengths.Count;
        var scores = System.Buffers.ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        Array.Clear(scores, 0, n); // pooled arrays come back dirty from other renters (LINQ's sort keys, ...)
        var touched = new List<int>();
        try
        {
            foreach (var term in queryTokens.Distinct())
            {
                if (!_postings.TryGetValue(term, out var postings)) continue;
                var idf = Math.Log(1 + (n - postings.Count + 0.5) / (postings.Count + 0.5));
                foreach (var (passage, tf) in postings)
                {
                    if (!allowed(passage)) continue;
                    var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[passage] / _averageLength));
                    if (scores[passage] == 0) touched.Add(passage); // every term adds a positive score
                    scores[passage] += idf * norm;
                }
            }
            var heap = new PriorityQueue<int, (double Score, int Order)>(WorstFirst.Instance);
            for (var i = 0; i < touched.Count; i++)
            {
                var key = (scores[touched[i]], i);
                if (heap.Count < depth) heap.Enqueue(touched[i], key);
                else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0) heap.EnqueueDequeue(touched[i], key);
            }
            var best = new List<int>(heap.Count);
            while (heap.TryDequeue(out var passage, out _)) best.Add(passage);
            best.Reverse();
            return best;
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>Lower score first; among equal scores the later-matched passage is the worse.</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Order)>
    {
        public static readonly WorstFirst Instance = new();
        public int Compare((double Score, int Order) a, (double Score, int Order) b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order);
    }

    public static List<string> Tokens(string title, string passage) => Tokenizer.Tokenize(title + " " + passage);

    /// <summary>Memory of the postings (8 bytes an entry plus list and dictionary overhead, estimated) and lengths.</summary>
    internal double ApproximateBytes() => _lengths.Count * 4.0 + _postings.Sum(p => 8.0 * p.Value.Capacity + 32 + 2 * p.Key.Length + 24 + 24);

    /// <summary>Writes the postings and lengths (for <see cref="KnowledgeIndexSnapshot"/>): each list as one block of bytes.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_lengths.Count);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lengths)));
        writer.Write(_postings.Count);
        foreach (var (term, postings) in _postings)
        {
            writer.Write(term);
            writer.Write(postings.Count);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(postings)));
        }
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote, sealed. <paramref name="remainingBytes"/> bounds every list before it is
    /// allocated, so a damaged count fails fast instead of allocating what the file cannot hold.
    /// </summary>
    internal static Bm25Index Read(BinaryReader reader, Func<long> remainingBytes)
    {
        var index = new Bm25Index();
        ReadList(reader, index._lengths, reader.ReadInt32(), remainingBytes);
        var terms = reader.ReadInt32();
        for (var t = 0; t < terms; t++)
        {
            var term = reader.ReadString();
            var postings = new List<(int, int)>();
            ReadList(reader, postings, reader.ReadInt32(), remainingBytes);
            index._postings[term] = postings;
        }
        index.Seal();
        return index;
    }

    private static void ReadList<T>(BinaryReader reader, List<T> list, int count, Func<long> remainingBytes) where T : unmanaged
    {
        if (count < 0 || (long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > remainingBytes()) throw new FormatException("bad list length");
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, count);
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list)));
    }
}
