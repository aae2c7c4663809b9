using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// An immutable in-memory snapshot of the stored passages for fast search: one contiguous matrix of
/// embeddings quantised to int8 with a scale per passage (<see cref="Int8Vectors"/>: a quarter of
/// float32's memory, and an integer dot product for the exhaustive scan) and a BM25 index. Built from the database; rebuilt when its revision changes.
/// </summary>
public sealed class KnowledgeIndex
{
    public long Revision { get; }
    public IReadOnlyList<DocumentRecord> Documents { get; }
    public IReadOnlyDictionary<string, DocumentRecord> DocumentsById { get; }
    private readonly Dictionary<string, int> _documentIndex;
    public int[] PassageDocument { get; }
    internal int[] PassageIndex { get; }
    public int[] PassageStart { get; }
    public int[] PassageEnd { get; }
    internal sbyte[] Vectors { get; }
    /// <summary>1-bit sign codes of the vectors, <see cref="VectorSearch.WordsPerCode"/> words a passage, for the first search pass.</summary>
    internal ulong[] SignCodes { get; }
    /// <summary>The first passage of each document (passages are sorted by document); one extra entry closes the last range.</summary>
    internal int[] DocumentPassageStart { get; }
    internal float[] Scales { get; }
    internal int Dimensions { get; }
    internal Bm25Index Lexical { get; }
    /// <summary>Years each document mentions, for documents without a published date.</summary>
    internal HashSet<int>[] DocumentYears { get; }
    private static readonly HashSet<int> NoYears = [];

    public int PassageCount => PassageDocument.Length;

    /// <summary>
    /// Streams the passages (one record alive at a time: a list of all of them, text and embedding
    /// bytes included, was most of the peak memory), then sorts them by document and position in place.
    /// </summary>
    private KnowledgeIndex(long revision, List<DocumentRecord> documents, int expectedPassages, IEnumerable<PassageRecord> passages, int dimensions)
    {
        Revision = revision;
        Documents = documents;
        DocumentsById = documents.ToDictionary(d => d.Id);
        var docIndex = documents.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _documentIndex = docIndex;
        Dimensions = dimensions;

        var capacity = Math.Max(expectedPassages, 16);
        var passageDocument = new int[capacity];
        var passageIndex = new int[capacity];
        var passageStart = new int[capacity];
        var passageEnd = new int[capacity];
        var vectors = new sbyte[capacity * dimensions];
        var scales = new float[capacity];
        var count = 0;
        foreach (var p in passages)
        {
            if (!docIndex.TryGetValue(p.DocumentId, out var d)) continue;
            if (count == capacity)
            {
                capacity *= 2;
                Array.Resize(ref passageDocument, capacity);
                Array.Resize(ref passageIndex, capacity);
                Array.Resize(ref passageStart, capacity);
                Array.Resize(ref passageEnd, capacity);
                Array.Resize(ref vectors, capacity * dimensions);
                Array.Resize(ref scales, capacity);
            }
            passageDocument[count] = d;
            passageIndex[count] = p.Index;
            passageStart[count] = p.Start;
            passageEnd[count] = p.End;
            var vector = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(p.Embedding);
            if (vector.Length == dimensions) scales[count] = Int8Vectors.Quantize(vector, vectors.AsSpan(count * dimensions, dimensions));
            count++;
        }

        // Document order, then position in the document (search breaks ties by this order).
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        var keys = new long[count];
        for (var i = 0; i < count; i++) keys[i] = ((long)passageDocument[i] << 32) | (uint)passageIndex[i];
        Array.Sort(keys, order);
        PassageDocument = Permuted(passageDocument, order);
        PassageIndex = Permuted(passageIndex, order);
        PassageStart = Permuted(passageStart, order);
        PassageEnd = Permuted(passageEnd, order);
        if (vectors.Length != count * dimensions) Array.Resize(ref vectors, count * dimensions);
        PermuteRowsInPlace(vectors, dimensions, order);
        Vectors = vectors;
        SignCodes = new ulong[count * VectorSearch.WordsPerCode];
        for (var i = 0; i < count; i++)
            VectorSearch.Encode(vectors.AsSpan(i * dimensions, dimensions), SignCodes.AsSpan(i * VectorSearch.WordsPerCode, VectorSearch.WordsPerCode));
        DocumentPassageStart = new int[documents.Count + 1];
        for (int d = 0, p = 0; d <= documents.Count; d++)
        {
            while (p < count && PassageDocument[p] < d) p++;
            DocumentPassageStart[d] = p;
        }
        Scales = new float[count];
        for (var i = 0; i < count; i++) Scales[i] = scales[order[i]];

        // Passage text is the document text between the offsets, so BM25 needs no second copy of it.
        Lexical = new Bm25Index();
        for (var i = 0; i < count; i++)
        {
            var document = documents[PassageDocument[i]];
            Lexical.Add(Bm25Index.Tokens(document.Title, document.Text[PassageStart[i]..PassageEnd[i]]));
        }
        Lexical.Seal();
        // Only undated documents are matched to a period by the years their text names; scanning the
        // text of dated ones would cost seconds at 50k documents for nothing.
        DocumentYears = documents.Select(d => d.Published is not null ? NoYears
            : DateExpressions.Find(d.Text).Where(m => m.Year is not null).Select(m => m.Year!.Value).ToHashSet()).ToArray();
    }

    /// <summary>An index from its parts as a snapshot stored them (<see cref="KnowledgeIndexSnapshot"/>).</summary>
    internal KnowledgeIndex(long revision, List<DocumentRecord> documents, int dimensions, int[] passageDocument, int[] passageIndex, int[] passageStart,
        int[] passageEnd, sbyte[] vectors, float[] scales, ulong[] signCodes, int[] documentPassageStart, Bm25Index lexical, HashSet<int>[] documentYears)
    {
        Revision = revision;
        Documents = documents;
        DocumentsById = documents.ToDictionary(d => d.Id);
        _documentIndex = documents.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Dimensions = dimensions;
        (PassageDocument, PassageIndex, PassageStart, PassageEnd) = (passageDocument, passageIndex, passageStart, passageEnd);
        (Vectors, Scales, SignCodes, DocumentPassageStart) = (vectors, scales, signCodes, documentPassageStart);
        (Lexical, DocumentYears) = (lexical, documentYears);
    }

    public static KnowledgeIndex Build(IDocumentStore store, int dimensions) =>
        store.ReadCorpus(corpus => new KnowledgeIndex(corpus.Revision, corpus.Documents, corpus.PassageCount, corpus.Passages, dimensions));

    public static KnowledgeIndex Build(KnowledgeDatabase db, int dimensions) =>
        Build(new DocumentStore(db, TimeProvider.System), dimensions);

    private static int[] Permuted(int[] values, int[] order)
    {
        var result = new int[order.Length];
        for (var i = 0; i < order.Length; i++) result[i] = values[order[i]];
        return result;
    }

    /// <summary>Row i receives the row that was at order[i], following cycles with one spare row (the matrix is the largest allocation).</summary>
    private static void PermuteRowsInPlace<T>(T[] rows, int width, int[] order)
    {
        var done = new bool[order.Length];
        var spare = new T[width];
        for (var start = 0; start < order.Length; start++)
        {
            if (done[start] || order[start] == start) { done[start] = true; continue; }
            rows.AsSpan(start * width, width).CopyTo(spare);
            var at = start;
            while (order[at] != start)
            {
                rows.AsSpan(order[at] * width, width).CopyTo(rows.AsSpan(at * width, width));
                done[at] = true;
                at = order[at];
            }
            spare.CopyTo(rows.AsSpan(at * width, width));
            done[at] = true;
        }
    }

    /// <summary>Bytes the index holds per passage, by structure (for the benchmark's memory report; document records not counted).</summary>
    public IReadOnlyDictionary<string, double> BytesPerPassageByStructure()
    {
        var n = Math.Max(1, PassageCount);
        return new Dictionary<string, double>
        {
            ["int8 vectors"] = (double)Vectors.Length / n,
            ["sign codes"] = SignCodes.Length * 8.0 / n,
            ["scales"] = Scales.Length * 4.0 / n,
            ["passage maps"] = (PassageDocument.Length + PassageIndex.Length + PassageStart.Length + PassageEnd.Length) * 4.0 / n
                               + DocumentPassageStart.Length * 4.0 / n,
            ["BM25 postings and lengths"] = Lexical.ApproximateBytes() / n,
        };
    }

    internal ReadOnlySpan<sbyte> Vector(int passage) => Vectors.AsSpan(passage * Dimensions, Dimensions);

    /// <summary>A query vector quantised once per search.</summary>
    public (sbyte[] Values, float Scale) Quantize(ReadOnlySpan<float> query)
    {
        var values = new sbyte[Dimensions];
        return (values, Int8Vectors.Quantize(query, values));
    }

    /// <summary>Approximate cosine of a quantised query with a stored passage vector.</summary>
    public float Cosine((sbyte[] Values, float Scale) query, int passage) =>
        Int8Vectors.Dot(query.Values, Vector(passage)) * query.Scale * Scales[passage];

    /// <summary>Which documents a filter lets through.</summary>
    internal bool[] Allowed(RetrievalFilter filter)
    {
        var allowed = new bool[Documents.Count];
        for (var i = 0; i < Documents.Count; i++) allowed[i] = Matches(i, filter);
        return allowed;
    }

    /// <summary>Whether a document of this snapshot passes a filter.</summary>
    public bool Matches(DocumentRecord document, RetrievalFilter filter) =>
        _documentIndex.TryGetValue(document.Id, out var i) && Matches(i, filter);

    private bool Matches(int i, RetrievalFilter filter)
    {
        if (i < 0) return false;
        var d = Documents[i];
        if (filter.Companies.Count > 0)
        {
            var ok = filter.MainCompanyOnly
                ? d.Companies.Count > 0 && filter.Companies.Contains(d.Companies[0], StringComparer.OrdinalIgnoreCase)
                : d.Companies.Any(c => filter.Companies.Contains(c, StringComparer.OrdinalIgnoreCase));
            if (!ok) return false;
        }
        if (filter.From is null && filter.To is null) return true;
        return PeriodMatcher.DocumentInPeriod(d, DocumentYears[i], filter.From, filter.To);
    }
}
