using System.Runtime.InteropServices;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// BM25 postings and passage lengths of one <see cref="IndexSegment"/>; <see cref="LexicalSearch"/> scores
/// them (k1 = 1.2, b = 0.75) with statistics taken over every live passage of the index.
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, List<Posting>> _postings = new();
    private readonly List<int> _lengths = [];

    public int Count => _lengths.Count;

    /// <summary>The sum of the passages' token counts (for the average length).</summary>
    public long TotalLength { get; private set; }

    public void Add(IReadOnlyList<string> tokens)
    {
        var id = _lengths.Count;
        _lengths.Add(tokens.Count);
        TotalLength += tokens.Count;
        foreach (var group in tokens.GroupBy(t => t))
        {
            if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
            list.Add(new Posting(id, group.Count()));
        }
    }

    /// <summary>The passages containing a (stemmed) term; empty when none.</summary>
    public IEnumerable<int> PassagesWith(string term) =>
        _postings.TryGetValue(term, out var postings) ? postings.Select(p => p.Passage) : [];

    internal List<Posting>? Postings(string term) => _postings.GetValueOrDefault(term);

    internal int Length(int passage) => _lengths[passage];

    /// <summary>Every passage's token count (read-only once sealed).</summary>
    internal ReadOnlySpan<int> Lengths => CollectionsMarshal.AsSpan(_lengths);

    /// <summary>
    /// Whether <paramref name="passage"/> contains <paramref name="term"/> is known only to the postings: how many of <paramref
    /// name="passages"/> hold each term.
    /// </summary>
    internal Dictionary<string, int> TermCounts(Func<int, bool> passages)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (term, postings) in _postings)
        {
            var n = 0;
            foreach (var (p, _) in postings) if (passages(p)) n++;
            if (n > 0) counts[term] = n;
        }
        return counts;
    }

    /// <summary>
    /// Ends adding; the postings are read-only from here on. Lists grown by doubling are trimmed to their length
    /// (up to half of a built index's postings were spare capacity; a loaded one has none).
    /// </summary>
    public void Seal()
    {
        TotalLength = _lengths.Sum(l => (long)l);
        foreach (var postings in _postings.Values) postings.TrimExcess();
        _lengths.TrimExcess();
    }

    /// <summary>Scores every passage allowed by <paramref name="allowed"/> that shares a term with the query (this index alone).</summary>
    public Dictionary<int, double> Score(IEnumerable<string> queryTokens, Func<int, bool> allowed) =>
        LexicalSearch.Over(this).Score(queryTokens, allowed);

    /// <summary>The <paramref name="depth"/> best-scoring allowed passages, best first, ties in passage order (this index alone).</summary>
    public List<int> Top(IEnumerable<string> queryTokens, Func<int, bool> allowed, int depth) =>
        LexicalSearch.Over(this).Top(queryTokens, allowed, depth);

    public static List<string> Tokens(string title, string passage) => Tokenizer.Tokenize(title + " " + passage);

    /// <summary>Memory of the postings (4 bytes an entry plus list and dictionary overhead, estimated) and lengths.</summary>
    internal double ApproximateBytes() =>
        _lengths.Count * 4.0 + _postings.Sum(p => 4.0 * p.Value.Capacity + 32 + 2 * p.Key.Length + 24 + 24);

    /// <summary>Writes the postings and lengths (for <see cref="KnowledgeIndexSnapshot"/>): each list as one block of bytes.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_lengths.Count);
        writer.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_lengths)));
        writer.Write(_postings.Count);
        foreach (var (term, postings) in _postings)
        {
            writer.Write(term);
            writer.Write(postings.Count);
            writer.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(postings)));
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
            var postings = new List<Posting>();
            ReadList(reader, postings, reader.ReadInt32(), remainingBytes);
            index._postings[term] = postings;
        }
        index.Seal();
        return index;
    }

    private static void ReadList<T>(BinaryReader reader, List<T> list, int count, Func<long> remainingBytes) where T : unmanaged
    {
        if (count < 0 || (long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > remainingBytes()) throw new
            FormatException("bad list length");
        CollectionsMarshal.SetCount(list, count);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(list)));
    }
}

/// <summary>
/// A passage holding a term and how many times, in 4 bytes (half of an (int, int) pair: postings are most of
/// BM25's memory). A segment holds at most 2^24 passages; a count above 255 is kept as 255 (a passage is a few sentences).
/// </summary>
internal readonly record struct Posting
{
    private readonly uint _packed;

    public Posting(int passage, int tf)
    {
        if ((uint)passage >= 1u << 24) throw new InvalidOperationException($"A segment holds at most {1 << 24} passages.");
        _packed = (uint)passage << 8 | (uint)Math.Clamp(tf, 0, 255);
    }

    public int Passage => (int)(_packed >> 8);
    public int Tf => (int)(_packed & 0xFF);

    public void Deconstruct(out int passage, out int tf) => (passage, tf) = (Passage, Tf);
}
