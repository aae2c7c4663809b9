namespace Bot.Knowledge.Retrieval;

/// <summary>
/// BM25 (k1 = 1.2, b = 0.75) over the segments of a <see cref="KnowledgeIndex"/>, as one index: passage ids
/// run through the segments in turn, and the statistics (passages, document frequencies, average length)
/// count live passages only, the removed ones subtracted (<see cref="DeadPassages"/>), so an index updated
/// in place scores exactly as a fresh build of the same documents. Ties go to the earlier passage in
/// document-id and position order, which does not depend on how the index is split.
/// </summary>
internal sealed class LexicalSearch
{
    private const double K1 = 1.2, B = 0.75;
    private readonly (Bm25Index Postings, int Base, DeadPassages? Dead)[] _parts;
    /// <summary>Each passage's document in the index's live order (negative when removed), or null when every passage is live and in order.</summary>
    private readonly int[]? _passageDocument;
    private readonly int[]? _passageIndex;
    private readonly int _span;
    private readonly double _averageLength;

    /// <summary>Live passages.</summary>
    public int Count { get; }

    public LexicalSearch((Bm25Index Postings, int Base, DeadPassages? Dead)[] parts, int[]? passageDocument, int[]? passageIndex)
    {
        (_parts, _passageDocument, _passageIndex) = (parts, passageDocument, passageIndex);
        long length = 0;
        foreach (var (postings, _, dead) in parts)
        {
            Count += postings.Count - (dead?.Passages ?? 0);
            length += postings.TotalLength - (dead?.Length ?? 0);
            _span += postings.Count;
        }
        _averageLength = Count == 0 ? 1 : Math.Max(1, (double)length / Count);
    }

    /// <summary>One index on its own, all of it live.</summary>
    public static LexicalSearch Over(Bm25Index index) => new([(index, 0, null)], null, null);

    private bool Live(int passage) => _passageDocument is null || _passageDocument[passage] >= 0;

    /// <summary>Ties are broken by document (in the index's id order), then position in it.</summary>
    private long Order(int passage) => _passageDocument is null ? passage : ((long)_passageDocument[passage] << 32) | (uint)_passageIndex![passage];

    /// <summary>The live passages containing a (stemmed) term.</summary>
    public IEnumerable<int> PassagesWith(string term)
    {
        foreach (var (postings, start, _) in _parts)
            foreach (var p in postings.PassagesWith(term))
                if (Live(start + p)) yield return start + p;
    }

    private int DocumentFrequency(string term)
    {
        var df = 0;
        foreach (var (postings, _, dead) in _parts)
            if (postings.Postings(term) is { } list) df += list.Count - (dead?.Terms.GetValueOrDefault(term) ?? 0);
        return df;
    }

    /// <summary>
    /// Adds each query term's score to every live allowed passage holding it (in query-term order, so a
    /// passage's sum does not depend on the split), into a dense array; <paramref name="touched"/> lists
    /// the passages scored, in the order first scored.
    /// </summary>
    private void Accumulate(IEnumerable<string> queryTokens, Func<int, bool> allowed, double[] scores, List<int> touched)
    {
        foreach (var term in queryTokens.Distinct())
        {
            var df = DocumentFrequency(term);
            if (df <= 0) continue;
            var idf = Math.Log(1 + (Count - df + 0.5) / (df + 0.5));
            foreach (var (index, start, _) in _parts)
            {
                if (index.Postings(term) is not { } postings) continue;
                foreach (var (local, tf) in postings)
                {
                    var passage = start + local;
                    if (!Live(passage) || !allowed(passage)) continue;
                    var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * index.Length(local) / _averageLength));
                    if (scores[passage] == 0) touched.Add(passage); // every term adds a positive score
                    scores[passage] += idf * norm;
                }
            }
        }
    }

    /// <summary>Scores every live passage allowed by <paramref name="allowed"/> that shares a term with the query.</summary>
    public Dictionary<int, double> Score(IEnumerable<string> queryTokens, Func<int, bool> allowed) =>
        Scored(queryTokens, allowed, (scores, touched) => touched.ToDictionary(p => p, p => scores[p]));

    /// <summary>
    /// The <paramref name="depth"/> best-scoring allowed passages, best first. Scores into a pooled dense
    /// array and keeps a bounded heap: at 10k documents a term like "layoff" matches most passages, and a
    /// dictionary of them plus a full sort was most of the search time.
    /// </summary>
    public List<int> Top(IEnumerable<string> queryTokens, Func<int, bool> allowed, int depth) => Scored(queryTokens, allowed, (scores, touched) =>
    {
        var heap = new PriorityQueue<int, (double Score, long Order)>(WorstFirst.Instance);
        foreach (var p in touched)
        {
            var key = (scores[p], Order(p));
            if (heap.Count < depth) heap.Enqueue(p, key);
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0) heap.EnqueueDequeue(p, key);
        }
        var best = new List<int>(heap.Count);
        while (heap.TryDequeue(out var passage, out _)) best.Add(passage);
        best.Reverse();
        return best;
    });

    private T Scored<T>(IEnumerable<string> queryTokens, Func<int, bool> allowed, Func<double[], List<int>, T> read)
    {
        var scores = System.Buffers.ArrayPool<double>.Shared.Rent(Math.Max(_span, 1));
        Array.Clear(scores, 0, _span); // pooled arrays come back dirty from other renters (LINQ's sort keys, ...)
        try
        {
            var touched = new List<int>();
            Accumulate(queryTokens, allowed, scores, touched);
            return read(scores, touched);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>Lower score first; among equal scores the later passage (in <see cref="Order"/>) is the worse.</summary>
    internal sealed class WorstFirst : IComparer<(double Score, long Order)>, IComparer<(float Score, long Order)>
    {
        public static readonly WorstFirst Instance = new();
        public int Compare((double Score, long Order) a, (double Score, long Order) b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order);
        public int Compare((float Score, long Order) a, (float Score, long Order) b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order);
    }
}

/// <summary>What the removed passages of a segment held: how many, their tokens, and how many of them contain each term.</summary>
internal sealed record DeadPassages(int Passages, long Length, Dictionary<string, int> Terms)
{
    public static readonly DeadPassages None = new(0, 0, []);

    /// <summary>These counts plus <paramref name="passages"/> of <paramref name="segment"/>, counted from their text (a copy: indexes share these).</summary>
    public DeadPassages With(IndexSegment segment, IEnumerable<int> passages)
    {
        var terms = new Dictionary<string, int>(Terms);
        var (count, length) = (Passages, Length);
        foreach (var p in passages)
        {
            var tokens = segment.Tokens(p);
            count++;
            length += tokens.Count;
            foreach (var t in tokens.Distinct()) terms[t] = terms.GetValueOrDefault(t) + 1;
        }
        return new DeadPassages(count, length, terms);
    }

    /// <summary>These counts plus <paramref name="passages"/> of <paramref name="segment"/>, counted from its postings (when their text is gone).</summary>
    public DeadPassages WithPostingsOf(IndexSegment segment, IReadOnlyCollection<int> passages)
    {
        var dying = new bool[segment.PassageCount];
        long length = Length;
        foreach (var p in passages)
        {
            dying[p] = true;
            length += segment.Lexical.Length(p);
        }
        var terms = new Dictionary<string, int>(Terms);
        foreach (var (term, n) in segment.Lexical.TermCounts(p => dying[p])) terms[term] = terms.GetValueOrDefault(term) + n;
        return new DeadPassages(Passages + passages.Count, length, terms);
    }
}
