using System.Runtime.InteropServices;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// One immutable part of a <see cref="KnowledgeIndex"/>: documents sorted by id (ordinal), their passages
/// sorted by document and position, the passages' int8 vectors with a scale each (<see cref="Int8Vectors"/>),
/// 1-bit sign codes for the first search pass, and BM25 postings. A full build is one segment; an
/// incremental update adds a small one for the changed documents.
/// </summary>
internal sealed class IndexSegment
{
    public required List<DocumentRecord> Documents { get; init; }
    public required int Dimensions { get; init; }
    /// <summary>The segment's document (index into <see cref="Documents"/>) of each passage.</summary>
    public required int[] PassageDocument { get; init; }
    public required int[] PassageIndex { get; init; }
    public required int[] PassageStart { get; init; }
    public required int[] PassageEnd { get; init; }
    public required sbyte[] Vectors { get; init; }
    public required float[] Scales { get; init; }
    /// <summary>1-bit sign codes of the vectors, <see cref="VectorSearch.WordsPerCode"/> words a passage.</summary>
    public required ulong[] SignCodes { get; init; }
    /// <summary>The first passage of each document; one extra entry closes the last range.</summary>
    public required int[] DocumentPassageStart { get; init; }
    public required Bm25Index Lexical { get; init; }
    /// <summary>Years each document mentions, for documents without a published date.</summary>
    public required HashSet<int>[] DocumentYears { get; init; }

    public int PassageCount => PassageDocument.Length;

    private Dictionary<string, int>? _documentIndex;

    /// <summary>The id map when the builder already has it.</summary>
    private Dictionary<string, int>? DocumentIndex { init => _documentIndex = value; }

    /// <summary>A document's number in this segment (by id), or null; the map is made at the first question and kept.</summary>
    public int? LocalOf(string id)
    {
        var map = LazyInitializer.EnsureInitialized(ref _documentIndex, () =>
        {
            var built = new Dictionary<string, int>(Documents.Count, StringComparer.Ordinal);
            for (var i = 0; i < Documents.Count; i++) built[Documents[i].Id] = i;
            return built;
        });
        return map.TryGetValue(id, out var local) ? local : null;
    }

    public ReadOnlySpan<sbyte> Vector(int passage) => Vectors.AsSpan(passage * Dimensions, Dimensions);

    /// <summary>The passage's text as BM25 indexed it (with its document's title).</summary>
    public List<string> Tokens(int passage)
    {
        var document = Documents[PassageDocument[passage]];
        return Bm25Index.Tokens(document.Title, document.Text[PassageStart[passage]..PassageEnd[passage]]);
    }

    private static readonly HashSet<int> NoYears = [];

    /// <summary>
    /// Builds a segment over <paramref name="documents"/> (any order) from passages streamed one at a time
    /// (a list of all of them, text and embedding bytes included, was most of the peak memory at 50k documents);
    /// passages of other documents are skipped.
    /// </summary>
    public static IndexSegment Build(IReadOnlyList<DocumentRecord> documents, int expectedPassages, IEnumerable<PassageRecord> passages,
        int dimensions)
    {
        var builder = new Builder(documents, expectedPassages, dimensions);
        foreach (var p in passages)
            if (builder.DocumentOf(p.DocumentId) is { } d)
                builder.Add(d, p.Index, p.Start, p.End, MemoryMarshal.Cast<byte, float>(p.Embedding));
        return builder.Build();
    }

    /// <summary>
    /// One segment holding the live documents of <paramref name="parts"/> (vectors copied as they are, text indexed again).
    /// </summary>
    public static IndexSegment Merge(IReadOnlyList<(IndexSegment Segment, bool[]? Dead)> parts)
    {
        var documents = new List<DocumentRecord>();
        var expected = 0;
        foreach (var (segment, dead) in parts)
            for (var d = 0; d < segment.Documents.Count; d++)
                if (dead is null || !dead[d])
                {
                    documents.Add(segment.Documents[d]);
                    expected += segment.DocumentPassageStart[d + 1] - segment.DocumentPassageStart[d];
                }
        var builder = new Builder(documents, expected, parts.Count == 0 ? 0 : parts[0].Segment.Dimensions);
        foreach (var (segment, dead) in parts)
            for (var p = 0; p < segment.PassageCount; p++)
            {
                var d = segment.PassageDocument[p];
                if (dead is not null && dead[d]) continue;
                builder.Add(builder.DocumentOf(segment.Documents[d].Id)!.Value, segment.PassageIndex[p], segment.PassageStart[p],
                    segment.PassageEnd[p],
                    segment.Vector(p), segment.Scales[p]);
            }
        return builder.Build();
    }

    /// <summary>Collects passages in any order, then sorts them by document and position in place.</summary>
    private sealed class Builder
    {
        private readonly List<DocumentRecord> _documents;
        private readonly Dictionary<string, int> _documentIndex;
        private readonly int _dimensions;
        private int _capacity, _count;
        private int[] _passageDocument, _passageIndex, _passageStart, _passageEnd;
        private sbyte[] _vectors;
        private float[] _scales;

        public Builder(IEnumerable<DocumentRecord> documents, int expectedPassages, int dimensions)
        {
            _documents = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            _documentIndex = new Dictionary<string, int>(_documents.Count, StringComparer.Ordinal);
            for (var i = 0; i < _documents.Count; i++) _documentIndex[_documents[i].Id] = i;
            _dimensions = dimensions;
            _capacity = Math.Max(expectedPassages, 16);
            (_passageDocument, _passageIndex) = (new int[_capacity], new int[_capacity]);
            (_passageStart, _passageEnd) = (new int[_capacity], new int[_capacity]);
            _vectors = new sbyte[_capacity * dimensions];
            _scales = new float[_capacity];
        }

        public int? DocumentOf(string id) => _documentIndex.TryGetValue(id, out var d) ? d : null;

        public void Add(int document, int index, int start, int end, ReadOnlySpan<float> vector)
        {
            var at = Next(document, index, start, end);
            if (vector.Length == _dimensions) _scales[at] = Int8Vectors.Quantize(vector, _vectors.AsSpan(at * _dimensions, _dimensions));
        }

        public void Add(int document, int index, int start, int end, ReadOnlySpan<sbyte> vector, float scale)
        {
            var at = Next(document, index, start, end);
            vector.CopyTo(_vectors.AsSpan(at * _dimensions, _dimensions));
            _scales[at] = scale;
        }

        private int Next(int document, int index, int start, int end)
        {
            if (_count == _capacity)
            {
                _capacity *= 2;
                Array.Resize(ref _passageDocument, _capacity);
                Array.Resize(ref _passageIndex, _capacity);
                Array.Resize(ref _passageStart, _capacity);
                Array.Resize(ref _passageEnd, _capacity);
                Array.Resize(ref _vectors, _capacity * _dimensions);
                Array.Resize(ref _scales, _capacity);
            }
            (_passageDocument[_count], _passageIndex[_count], _passageStart[_count], _passageEnd[_count]) = (document, index, start, end);
            return _count++;
        }

        public IndexSegment Build()
        {
            var count = _count;
            // Document order, then position in the document (search breaks ties by this order).
            var order = new int[count];
            for (var i = 0; i < count; i++) order[i] = i;
            var keys = new long[count];
            for (var i = 0; i < count; i++) keys[i] = ((long)_passageDocument[i] << 32) | (uint)_passageIndex[i];
            Array.Sort(keys, order);
            var vectors = _vectors;
            if (vectors.Length != count * _dimensions) Array.Resize(ref vectors, count * _dimensions);
            PermuteRowsInPlace(vectors, _dimensions, order);
            var passageDocument = Permuted(_passageDocument, order);
            var signCodes = new ulong[count * VectorSearch.WordsPerCode];
            for (var i = 0; i < count; i++)
                VectorSearch.Encode(vectors.AsSpan(i * _dimensions, _dimensions),
                    signCodes.AsSpan(i * VectorSearch.WordsPerCode, VectorSearch.WordsPerCode));
            var documentPassageStart = new int[_documents.Count + 1];
            for (int d = 0, p = 0; d <= _documents.Count; d++)
            {
                while (p < count && passageDocument[p] < d) p++;
                documentPassageStart[d] = p;
            }
            var passageStart = Permuted(_passageStart, order);
            var passageEnd = Permuted(_passageEnd, order);
            // Passage text is the document text between the offsets, so BM25 needs no second copy of it.
            var lexical = new Bm25Index();
            for (var i = 0; i < count; i++)
            {
                var document = _documents[passageDocument[i]];
                lexical.Add(Bm25Index.Tokens(document.Title, document.Text[passageStart[i]..passageEnd[i]]));
            }
            lexical.Seal();
            return new IndexSegment
            {
                Documents = _documents, Dimensions = _dimensions, PassageDocument = passageDocument,
                PassageIndex = Permuted(_passageIndex, order), PassageStart = passageStart, PassageEnd = passageEnd, Vectors = vectors,
                Scales = Permuted(_scales, order), SignCodes = signCodes,
                DocumentPassageStart = documentPassageStart, Lexical = lexical, DocumentIndex = _documentIndex,
                // Only undated documents are matched to a period by the years their text names; scanning the
                // text of dated ones would cost seconds at 50k documents for nothing.
                DocumentYears = _documents.Select(d => d.Published is not null ? NoYears
                    : DateExpressions.Find(d.Text).Where(m => m.Year is not null).Select(m => m.Year!.Value).ToHashSet()).ToArray(),
            };
        }

        private static T[] Permuted<T>(T[] values, int[] order)
        {
            var result = new T[order.Length];
            for (var i = 0; i < order.Length; i++) result[i] = values[order[i]];
            return result;
        }

        /// <summary>
        /// Row i receives the row that was at order[i], following cycles with one spare row (the matrix is the largest allocation).
        /// </summary>
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
    }
}
