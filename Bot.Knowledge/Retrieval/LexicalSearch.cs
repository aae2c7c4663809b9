using System.Runtime.InteropServices;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// BM25 (k1 = 1.2, b = 0.75) over the segments of a <see cref="KnowledgeIndex"/>, as one index: passage ids
/// run through the segments in turn, and the statistics (passages, document frequencies, average length)
/// count live passages only, the removed ones subtracted (<see cref="DeadPassages"/>), so an index updated
/// in place scores exactly as a fresh build of the same documents. Ties go to the earlier passage in
/// document-id and position order, which does not depend on how the index is split.
/// </summary>
public sealed class LexicalSearch
{
    private const double K1 = 1.2, B = 0.75;
    private readonly (Bm25Index Postings, int Base, DeadPassages? Dead)[] _parts;
    /// <summary>
    /// Each passage's document in the index's live order (negative when removed), or null when every passage is live and in order.
    /// </summary>
    private readonly int[]? _passageDocument;
    private readonly int[]? _passageIndex;
    private readonly int _span;
    private readonly double _averageLength;

    /// <summary>Live passages.</summary>
    public int Count { get; }

    internal LexicalSearch((Bm25Index Postings, int Base, DeadPassages? Dead)[] parts, int[]? passageDocument, int[]? passageIndex)
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
    private long Order(int passage) =>
        _passageDocument is null ? passage : ((long)_passageDocument[passage] << 32) | (uint)_passageIndex![passage];

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
    /// the passages scored, in the order first scored. The loop over a term's postings is the cost of a
    /// common word, so it reads spans and arrays, not a delegate per posting.
    /// </summary>
    private void Accumulate(IEnumerable<string> queryTokens, Func<int, bool>? allowed, bool[]? allowedDocuments, double[] scores,
        List<int> touched)
    {
        var documents = _passageDocument;
        foreach (var term in queryTokens.Distinct())
        {
            var df = DocumentFrequency(term);
            if (df <= 0) continue;
            var idf = Math.Log(1 + (Count - df + 0.5) / (df + 0.5));
            foreach (var (index, start, _) in _parts)
            {
                if (index.Postings(term) is not { } list) continue;
                var lengths = index.Lengths;
                foreach (var (local, tf) in CollectionsMarshal.AsSpan(list))
                {
                    var passage = start + local;
                    if (documents is not null
                        && (documents[passage] is var d && d < 0 || allowedDocuments is not null && !allowedDocuments[d])) continue;
                    if (allowed is not null && !allowed(passage)) continue;
                    if (scores[passage] == 0) touched.Add(passage); // every term adds a positive score
                    scores[passage] += idf * Norm(tf, lengths[local]);
                }
            }
        }
    }

    /// <summary>Scores every live passage allowed by <paramref name="allowed"/> that shares a term with the query.</summary>
    public Dictionary<int, double> Score(IEnumerable<string> queryTokens, Func<int, bool> allowed) =>
        Scored(queryTokens, allowed, null, (scores, touched) => touched.ToDictionary(p => p, p => scores[p]));

    /// <summary>The <paramref name="depth"/> best-scoring passages allowed by <paramref name="allowed"/>, best first.</summary>
    public List<int> Top(IEnumerable<string> queryTokens, Func<int, bool> allowed, int depth) =>
        MaxScore(queryTokens, allowed, null, depth);

    /// <summary>
    /// The <paramref name="depth"/> best-scoring passages of the allowed documents (indexed as <see cref="KnowledgeIndex.Documents"/>;
    /// null: all),
    /// best first, ties to the earlier passage in <see cref="Order"/>.
    /// </summary>
    public List<int> Top(IEnumerable<string> queryTokens, bool[]? allowedDocuments, int depth) =>
        MaxScore(queryTokens, null, allowedDocuments, depth);

    /// <summary>
    /// Top-k by MaxScore (Turtle and Flood, 1995), a passage at a time: a term adds at most idf x (k1 + 1) to a
    /// passage, so once the heap is full the terms whose bounds together stay under its worst score cannot bring
    /// a passage in on their own; only the other terms' postings are walked, and the bounded ones are looked up
    /// (galloping) for those passages alone. The common words ("layoffs", "jobs") match most passages and have
    /// the smallest bounds, so their long lists are mostly skipped. Exact: a passage is dropped only when its
    /// bound is below the worst kept score, and a kept score is summed in query-term order, as scoring every
    /// passage does.
    /// </summary>
    private List<int> MaxScore(IEnumerable<string> queryTokens, Func<int, bool>? allowed, bool[]? allowedDocuments, int depth)
    {
        var terms = new List<(string Term, double Idf, double Bound)>();
        foreach (var term in queryTokens.Distinct())
        {
            var df = DocumentFrequency(term);
            if (df <= 0) continue;
            var idf = Math.Log(1 + (Count - df + 0.5) / (df + 0.5));
            terms.Add((term, idf, idf * (K1 + 1)));
        }
        var heap = new PriorityQueue<int, (double Score, long Order)>(WorstFirst.Instance);
        if (terms.Count == 0 || depth <= 0) return [];
        // Term numbers by bound, smallest first, and the sums of the bounds below each.
        var byBound = Enumerable.Range(0, terms.Count).OrderBy(t => terms[t].Bound).ToArray();
        var boundBelow = new double[terms.Count + 1];
        for (var i = 0; i < terms.Count; i++) boundBelow[i + 1] = boundBelow[i] + terms[byBound[i]].Bound;
        var contribution = new double[terms.Count];
        var present = new bool[terms.Count];
        var documents = _passageDocument;
        foreach (var (index, start, _) in _parts)
        {
            var lists = terms.Select(t => index.Postings(t.Term)).ToArray();
            var at = new int[terms.Count];
            var lengths = index.Lengths;
            while (true)
            {
                // The terms byBound[..essentialFrom] cannot reach the heap's worst score together: not walked.
                var threshold = heap.Count == depth && heap.TryPeek(out _, out var worst) ? worst.Score : double.NegativeInfinity;
                var floor = threshold - 1e-9 * Math.Max(1, Math.Abs(threshold)); // sums in another order may differ in the last bits
                var essentialFrom = 0;
                while (essentialFrom < terms.Count && boundBelow[essentialFrom + 1] < floor) essentialFrom++;
                var candidate = int.MaxValue;
                for (var i = essentialFrom; i < terms.Count; i++)
                    if (lists[byBound[i]] is { } l && at[byBound[i]] < l.Count) candidate = Math.Min(candidate, l[at[byBound[i]]].Passage);
                if (candidate == int.MaxValue) break;
                var passage = start + candidate;
                var eligible = (documents is null
                                || documents[passage] is var d && d >= 0 && (allowedDocuments is null || allowedDocuments[d]))
                               && (allowed is null || allowed(passage));
                Array.Clear(present);
                var upper = boundBelow[essentialFrom];
                for (var i = essentialFrom; i < terms.Count; i++)
                {
                    var t = byBound[i];
                    if (lists[t] is not { } l || at[t] >= l.Count || l[at[t]].Passage != candidate) continue;
                    if (eligible)
                    {
                        contribution[t] = terms[t].Idf * Norm(l[at[t]].Tf, lengths[candidate]);
                        present[t] = true;
                        upper += contribution[t];
                    }
                    at[t]++;
                }
                if (!eligible || upper < floor) continue;
                // The bounded terms, largest bound first, looked up until the passage can no longer make it.
                for (var i = essentialFrom - 1; i >= 0 && upper >= floor; i--)
                {
                    var t = byBound[i];
                    upper -= terms[t].Bound;
                    if (lists[t] is not { } l) continue;
                    at[t] = Seek(l, at[t], candidate);
                    if (at[t] >= l.Count || l[at[t]].Passage != candidate) continue;
                    contribution[t] = terms[t].Idf * Norm(l[at[t]].Tf, lengths[candidate]);
                    present[t] = true;
                    upper += contribution[t];
                }
                if (upper < floor) continue;
                var score = 0.0;
                for (var t = 0; t < terms.Count; t++)
                    if (present[t]) score += contribution[t];
                Offer(heap, depth, passage, (score, Order(passage)));
            }
        }
        return BestFirst(heap);
    }

    /// <summary>
    /// The <paramref name="depth"/> best passages inside a few allowed passage ranges (a company's documents), best first:
    /// each term's postings are read only inside the ranges, galloping from one range to the next, instead of walking the
    /// whole lists and dropping what the filter rejects, which was most of a filtered search at 50k documents (the
    /// filter keeps MaxScore's heap from filling early, so nothing is skipped). Same scores, summed in query-term order,
    /// and the same ties as <see cref="Top(IEnumerable{string}, bool[], int)"/> over the same passages.
    /// </summary>
    public List<int> TopWithin(IEnumerable<string> queryTokens, IReadOnlyList<(int Start, int End)> ranges, int depth)
    {
        var sorted = ranges.OrderBy(r => r.Start).ToArray();
        var scores = new Dictionary<int, double>();
        foreach (var term in queryTokens.Distinct())
        {
            var df = DocumentFrequency(term);
            if (df <= 0) continue;
            var idf = Math.Log(1 + (Count - df + 0.5) / (df + 0.5));
            var part = -1;
            var at = 0;
            foreach (var (start, end) in sorted)
            {
                if (part < 0 || part + 1 < _parts.Length && start >= _parts[part + 1].Base)
                {
                    part = PartOf(start);
                    at = 0;
                }
                var (index, offset, _) = _parts[part];
                if (index.Postings(term) is not { } list) continue;
                at = Seek(list, at, start - offset);
                var postings = CollectionsMarshal.AsSpan(list);
                for (; at < postings.Length && postings[at].Passage < end - offset; at++)
                {
                    var passage = offset + postings[at].Passage;
                    if (!Live(passage)) continue;
                    scores[passage] = scores.GetValueOrDefault(passage) + idf * Norm(postings[at].Tf, index.Lengths[postings[at].Passage]);
                }
            }
        }
        var heap = new PriorityQueue<int, (double Score, long Order)>(WorstFirst.Instance);
        if (depth > 0)
            foreach (var (passage, score) in scores) Offer(heap, depth, passage, (score, Order(passage)));
        return BestFirst(heap);
    }

    /// <summary>The part (segment) holding a passage of the index's numbering.</summary>
    private int PartOf(int passage)
    {
        var part = 0;
        while (part + 1 < _parts.Length && passage >= _parts[part + 1].Base) part++;
        return part;
    }

    /// <summary>Keeps <paramref name="passage"/> when the heap has room or it beats the worst kept.</summary>
    private static void Offer(PriorityQueue<int, (double Score, long Order)> heap, int depth, int passage, (double Score, long Order) key)
    {
        if (heap.Count < depth) heap.Enqueue(passage, key);
        else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0) heap.EnqueueDequeue(passage, key);
    }

    private static List<int> BestFirst(PriorityQueue<int, (double Score, long Order)> heap)
    {
        var best = new List<int>(heap.Count);
        while (heap.TryDequeue(out var passage, out _)) best.Add(passage);
        best.Reverse();
        return best;
    }

    private double Norm(int tf, int length) => tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _averageLength));

    /// <summary>
    /// The first posting from <paramref name="from"/> on whose passage is at least <paramref name="passage"/> (galloping, then binary
    /// search).
    /// </summary>
    private static int Seek(List<Posting> postings, int from, int passage)
    {
        var span = CollectionsMarshal.AsSpan(postings);
        if (from >= span.Length || span[from].Passage >= passage) return from;
        var (low, step) = (from, 1); // span[low] < passage throughout
        while (low + step < span.Length && span[low + step].Passage < passage)
        {
            low += step;
            step *= 2;
        }
        var high = Math.Min(span.Length, low + step);
        low++;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (span[mid].Passage < passage) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// The same list as <see cref="Top(IEnumerable{string}, bool[], int)"/> by scoring every passage the terms hold (the reference for
    /// tests and the benchmark).
    /// </summary>
    public List<int> TopByScoringAll(IEnumerable<string> queryTokens, bool[]? allowedDocuments, int depth) =>
        Scored(queryTokens, null, allowedDocuments, (scores, touched) =>
        {
            var heap = new PriorityQueue<int, (double Score, long Order)>(WorstFirst.Instance);
            foreach (var p in touched) Offer(heap, depth, p, (scores[p], Order(p)));
            return BestFirst(heap);
        });

    private T Scored<T>(IEnumerable<string> queryTokens, Func<int, bool>? allowed, bool[]? allowedDocuments,
        Func<double[], List<int>, T> read)
    {
        var scores = System.Buffers.ArrayPool<double>.Shared.Rent(Math.Max(_span, 1));
        Array.Clear(scores, 0, _span); // pooled arrays come back dirty from other renters (LINQ's sort keys, ...)
        try
        {
            var touched = new List<int>();
            Accumulate(queryTokens, allowed, allowedDocuments, scores, touched);
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

    /// <summary>
    /// These counts plus <paramref name="passages"/> of <paramref name="segment"/>, counted from their text (a copy: indexes share these).
    /// </summary>
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

    /// <summary>
    /// These counts plus <paramref name="passages"/> of <paramref name="segment"/>, counted from its postings (when their text is gone).
    /// </summary>
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
