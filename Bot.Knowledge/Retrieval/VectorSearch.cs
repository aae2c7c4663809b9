using System.Numerics;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The vector half of retrieval, in two stages. A first pass compares 1-bit codes (the sign of each of
/// the 384 dimensions, 48 bytes a passage) by Hamming distance with <see cref="BitOperations.PopCount(ulong)"/>,
/// reading an eighth of the int8 matrix; the closest <see cref="CandidatesFor"/> passages are then
/// reranked by the int8 cosine. When a filter leaves few passages (a company, a period), they are
/// scanned exactly instead: the passages of a document are contiguous, so a filter becomes ranges.
/// </summary>
internal static class VectorSearch
{
    /// <summary>
    /// Below this many allowed passages the exact int8 scan is cheap enough on its own (a small company's articles).
    /// A large company's thousands of passages go through the first pass too: at 10k documents that took the exact
    /// scan off the slowest questions' path, with recall as ask filters unchanged (93 %).
    /// </summary>
    public const int ExactScanLimit = 4_000;

    public const int WordsPerCode = 6; // 384 bits

    /// <summary>How many first-pass candidates are reranked for a result list of <paramref name="depth"/>.</summary>
    public static int CandidatesFor(int depth, int passages) => Math.Min(passages, Math.Max(depth * 40, passages / 50));

    /// <summary>The sign code of an int8 vector: bit i is set when dimension i is positive.</summary>
    public static void Encode(ReadOnlySpan<sbyte> vector, Span<ulong> code)
    {
        code.Clear();
        for (var i = 0; i < vector.Length && i < code.Length * 64; i++)
            if (vector[i] > 0) code[i >> 6] |= 1UL << (i & 63);
    }

    /// <summary>The top <paramref name="depth"/> passages by approximate cosine among those in the allowed documents, best first.</summary>
    public static List<(int Passage, float Score)> Top(KnowledgeIndex index, (sbyte[] Values, float Scale) query, bool[] allowedDocuments,
        int depth, int exactScanLimit = ExactScanLimit) =>
        Top(index, query, index.PassageRanges(allowedDocuments), depth, exactScanLimit);

    /// <summary>The same over the allowed passages as <see cref="KnowledgeIndex.PassageRanges"/> gives them.</summary>
    public static List<(int Passage, float Score)> Top(KnowledgeIndex index, (sbyte[] Values, float Scale) query,
        (List<(int Start, int End)> Ranges, int Passages) allowed, int depth, int exactScanLimit = ExactScanLimit)
    {
        var (ranges, allowedPassages) = allowed;
        if (allowedPassages <= Math.Max(exactScanLimit, depth)) return
            Exact(index, query, ranges.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start)), depth);
        return Exact(index, query, Candidates(index, query.Values, ranges, allowedPassages, CandidatesFor(depth, allowedPassages)), depth);
    }

    /// <summary>The passages nearest by Hamming distance: a histogram of distances finds the cut-off in one pass.</summary>
    private static IEnumerable<int>
        Candidates(KnowledgeIndex index, sbyte[] query, List<(int Start, int End)> ranges, int allowedPassages, int wanted)
    {
        Span<ulong> q = stackalloc ulong[WordsPerCode];
        Encode(query, q);
        var distances = new ushort[allowedPassages];
        var histogram = new int[WordsPerCode * 64 + 1];
        var at = 0;
        foreach (var (start, end) in ranges)
        {
            var (segment, first) = index.Locate(start);
            var codes = segment.SignCodes.AsSpan(first * WordsPerCode, (end - start) * WordsPerCode);
            for (var p = 0; p < end - start; p++)
            {
                var c = codes.Slice(p * WordsPerCode, WordsPerCode);
                var distance = BitOperations.PopCount(c[0] ^ q[0]) + BitOperations.PopCount(c[1] ^ q[1])
                    + BitOperations.PopCount(c[2] ^ q[2])
                             + BitOperations.PopCount(c[3] ^ q[3]) + BitOperations.PopCount(c[4] ^ q[4])
                                 + BitOperations.PopCount(c[5] ^ q[5]);
                distances[at++] = (ushort)distance;
                histogram[distance]++;
            }
        }
        var cutoff = 0;
        for (var total = 0; cutoff < histogram.Length; cutoff++)
        {
            total += histogram[cutoff];
            if (total >= wanted) break;
        }
        var result = new List<int>(wanted + 64);
        at = 0;
        foreach (var (start, end) in ranges)
            for (var p = start; p < end; p++)
                if (distances[at++] <= cutoff) result.Add(p);
        return result;
    }

    /// <summary>
    /// The best <paramref name="depth"/> by cosine; equal cosines go to the earlier passage in document-id and position order.
    /// </summary>
    private static List<(int Passage, float Score)>
        Exact(KnowledgeIndex index, (sbyte[] Values, float Scale) query, IEnumerable<int> passages, int depth)
    {
        var top = new PriorityQueue<int, (float Score, long Order)>(LexicalSearch.WorstFirst.Instance);
        foreach (var p in passages)
        {
            var key = (index.Cosine(query, p), ((long)index.PassageDocument[p] << 32) | (uint)index.PassageIndex[p]);
            if (top.Count < depth) top.Enqueue(p, key);
            else if (top.TryPeek(out _, out var lowest) && LexicalSearch.WorstFirst.Instance.Compare(key, lowest) > 0)
                top.EnqueueDequeue(p, key);
        }
        var result = new List<(int, float)>(top.Count);
        while (top.TryDequeue(out var p, out var s)) result.Add((p, s.Score));
        result.Reverse();
        return result;
    }
}
