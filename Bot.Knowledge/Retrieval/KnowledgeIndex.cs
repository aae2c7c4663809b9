namespace Bot.Knowledge.Retrieval;

/// <summary>
/// An immutable in-memory view of the stored passages for fast search, made of <see cref="IndexSegment"/>s:
/// a full build is one; <see cref="Apply"/> adds a small one for changed documents and marks their
/// old versions removed, without touching the rest (a rebuild takes seconds at 50k documents), and
/// <see cref="Compacted"/> folds segments back together. Passages and documents are numbered across
/// the segments; <see cref="Documents"/> lists the live documents in id order, as a fresh build does,
/// and searches give the same results as a fresh build of the same documents.
/// </summary>
public sealed class KnowledgeIndex
{
    /// <summary>Small segments beyond this many are merged (each search visits every segment).</summary>
    internal const int MaxSmallSegments = 8;

    public long Revision { get; }
    public IReadOnlyList<DocumentRecord> Documents { get; }
    public IReadOnlyDictionary<string, DocumentRecord> DocumentsById { get; }
    /// <summary>Per segment, each document's place in <see cref="Documents"/>, or -1 when removed.</summary>
    private readonly int[][] _livePosition;
    internal IReadOnlyList<IndexSegment> Segments { get; }
    /// <summary>Per segment, which of its documents were removed or replaced since it was built (null: none).</summary>
    internal bool[]?[] Removed { get; }
    internal DeadPassages[] RemovedPassages { get; }
    /// <summary>Where each segment's passages start in the index's numbering; one extra entry closes the last.</summary>
    internal int[] SegmentStart { get; }
    /// <summary>
    /// Each passage's live document (index into <see cref="Documents"/>), or -1 when the document was removed or replaced.
    /// </summary>
    public int[] PassageDocument { get; }
    internal int[] PassageIndex { get; }
    public int[] PassageStart { get; }
    public int[] PassageEnd { get; }
    /// <summary>Each live document's passages, in the index's numbering: [start, end).</summary>
    internal int[] DocumentPassageStart { get; }
    internal int[] DocumentPassageEnd { get; }
    private readonly (int Segment, int Local)[] _documentAt;
    /// <summary>Built at the first filtered search: each company's documents, and the documents by publication date.</summary>
    private readonly Lazy<Dictionary<string, int[]>> _byCompany, _byMainCompany;
    private readonly Lazy<(int[] Dated, long[] Ticks, int[] Undated)> _byPublished;
    private readonly byte[]? _passageSegment;
    internal int Dimensions { get; }
    public LexicalSearch Lexical { get; }
    /// <summary>Years each live document mentions, for documents without a published date.</summary>
    internal HashSet<int>[] DocumentYears { get; }

    /// <summary>Live passages.</summary>
    public int PassageCount { get; }

    internal KnowledgeIndex(long revision, IReadOnlyList<IndexSegment> segments, bool[]?[] removed, DeadPassages[] removedPassages,
        int dimensions)
    {
        if (segments.Count > byte.MaxValue) throw new ArgumentException("too many segments", nameof(segments));
        (Revision, Segments, Removed, RemovedPassages, Dimensions) = (revision, segments, removed, removedPassages, dimensions);
        SegmentStart = new int[segments.Count + 1];
        for (var s = 0; s < segments.Count; s++) SegmentStart[s + 1] = SegmentStart[s] + segments[s].PassageCount;

        _documentAt = LiveInIdOrder(segments, removed);
        var live = _documentAt.Length;
        var documents = new DocumentRecord[live];
        (DocumentPassageStart, DocumentPassageEnd, DocumentYears) = (new int[live], new int[live], new HashSet<int>[live]);
        _livePosition = segments.Select(s => new int[s.Documents.Count]).ToArray();
        foreach (var positions in _livePosition) Array.Fill(positions, -1);
        for (var d = 0; d < live; d++)
        {
            var (s, local) = _documentAt[d];
            var segment = segments[s];
            documents[d] = segment.Documents[local];
            DocumentPassageStart[d] = SegmentStart[s] + segment.DocumentPassageStart[local];
            DocumentPassageEnd[d] = SegmentStart[s] + segment.DocumentPassageStart[local + 1];
            DocumentYears[d] = segment.DocumentYears[local];
            _livePosition[s][local] = d;
            PassageCount += DocumentPassageEnd[d] - DocumentPassageStart[d];
        }
        Documents = documents;
        DocumentsById = new LiveDocuments(this);
        _byCompany = new(() => DocumentsByCompany(mainOnly: false));
        _byMainCompany = new(() => DocumentsByCompany(mainOnly: true));
        _byPublished = new(DocumentsByPublished);

        var total = SegmentStart[^1];
        (PassageDocument, PassageIndex, PassageStart, PassageEnd) = (new int[total], new int[total], new int[total], new int[total]);
        _passageSegment = segments.Count > 1 ? new byte[total] : null;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var start = SegmentStart[s];
            for (var p = 0; p < segment.PassageCount; p++) PassageDocument[start + p] = _livePosition[s][segment.PassageDocument[p]];
            segment.PassageIndex.CopyTo(PassageIndex, start);
            segment.PassageStart.CopyTo(PassageStart, start);
            segment.PassageEnd.CopyTo(PassageEnd, start);
            _passageSegment?.AsSpan(start, segment.PassageCount).Fill((byte)s);
        }
        Lexical = new LexicalSearch(segments.Select((g, s) => (g.Lexical, SegmentStart[s], (DeadPassages?)removedPassages[s])).ToArray(),
            PassageDocument, PassageIndex);
    }

    /// <summary>
    /// The live documents of all segments in id order: the small segments' few documents are placed into the
    /// main segment's sorted list by binary search, so the cost is one pass of integer work, not a string
    /// comparison per document (a dictionary or a merge by comparison took most of an update at 50k documents).
    /// </summary>
    private static (int Segment, int Local)[] LiveInIdOrder(IReadOnlyList<IndexSegment> segments, bool[]?[] removed)
    {
        bool Live(int s, int local) => removed[s] is not { } r || !r[local];
        var small = new List<(string Id, int Segment, int Local)>();
        for (var s = 1; s < segments.Count; s++)
            for (var local = 0; local < segments[s].Documents.Count; local++)
                if (Live(s, local)) small.Add((segments[s].Documents[local].Id, s, local));
        small.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var main = segments[0].Documents;
        var result = new List<(int, int)>(main.Count + small.Count);
        var next = 0;
        for (var h = 0; h <= small.Count; h++)
        {
            var insertAt = h < small.Count ? LowerBound(main, small[h].Id) : main.Count;
            for (; next < insertAt; next++)
                if (Live(0, next)) result.Add((0, next));
            if (h < small.Count) result.Add((small[h].Segment, small[h].Local));
        }
        return [.. result];
    }

    /// <summary>The first document of <paramref name="sorted"/> whose id is not below <paramref name="id"/> (ordinal).</summary>
    private static int LowerBound(List<DocumentRecord> sorted, string id)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(sorted[mid].Id, id) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// A live document's place in <see cref="Documents"/> (newest segment first: an older one may hold its removed version).
    /// </summary>
    private bool TryFind(string id, out int position)
    {
        for (var s = Segments.Count - 1; s >= 0; s--)
            if (Segments[s].LocalOf(id) is { } local && _livePosition[s][local] >= 0)
            {
                position = _livePosition[s][local];
                return true;
            }
        position = -1;
        return false;
    }

    /// <summary>
    /// The live documents by id, answered from the segments' own id maps (built once each), so an update builds no dictionary.
    /// </summary>
    private sealed class LiveDocuments(KnowledgeIndex index) : IReadOnlyDictionary<string, DocumentRecord>
    {
        public DocumentRecord this[string key] => TryGetValue(key, out var d) ? d : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => index.Documents.Select(d => d.Id);
        public IEnumerable<DocumentRecord> Values => index.Documents;
        public int Count => index.Documents.Count;
        public bool ContainsKey(string key) => index.TryFind(key, out _);
        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out DocumentRecord value)
        {
            value = index.TryFind(key, out var d) ? index.Documents[d] : null;
            return value is not null;
        }
        public IEnumerator<KeyValuePair<string, DocumentRecord>> GetEnumerator() =>
            index.Documents.Select(d => KeyValuePair.Create(d.Id, d)).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>An index of one segment with nothing removed.</summary>
    internal KnowledgeIndex(long revision, IndexSegment segment)
        : this(revision, [segment], [null], [DeadPassages.None], segment.Dimensions)
    {
    }

    /// <summary>An index of every stored document, read as one consistent view of the store.</summary>
    public static KnowledgeIndex Build(IDocumentStore store, int dimensions) =>
        store.ReadCorpus(corpus => Build(corpus.Revision, corpus.Documents, corpus.PassageCount, corpus.Passages, dimensions));

    public static KnowledgeIndex Build(KnowledgeDatabase db, int dimensions) =>
        Build(new DocumentStore(db, TimeProvider.System), dimensions);

    /// <summary>An index of <paramref name="documents"/> from their passages, streamed (passages of other documents are skipped).</summary>
    public static KnowledgeIndex Build(long revision, IReadOnlyList<DocumentRecord> documents, int expectedPassages,
        IEnumerable<PassageRecord> passages, int dimensions) =>
        new(revision, IndexSegment.Build(documents, expectedPassages, passages, dimensions));

    /// <summary>
    /// This index brought to <paramref name="revision"/>: the documents named in <paramref name="changed"/> are
    /// removed, and <paramref name="documents"/> (their current versions, those that still exist) with
    /// their <paramref name="passages"/> are added as a new segment. Costs in proportion to the change,
    /// plus copying the passage maps.
    /// </summary>
    public KnowledgeIndex Apply(long revision, IReadOnlyCollection<string> changed, IReadOnlyList<DocumentRecord> documents,
        IEnumerable<PassageRecord> passages)
    {
        var removed = (bool[]?[])Removed.Clone();
        var removedPassages = (DeadPassages[])RemovedPassages.Clone();
        var dying = new Dictionary<int, List<int>>();
        foreach (var id in changed)
        {
            if (!TryFind(id, out var d)) continue;
            var (s, local) = _documentAt[d];
            if (ReferenceEquals(removed[s], Removed[s]))
                removed[s] = Removed[s] is { } r ? (bool[])r.Clone() : new bool[Segments[s].Documents.Count]; // indexes share these
            removed[s]![local] = true;
            if (!dying.TryGetValue(s, out var list)) dying[s] = list = [];
            for (var p = Segments[s].DocumentPassageStart[local]; p < Segments[s].DocumentPassageStart[local + 1]; p++) list.Add(p);
        }
        foreach (var (s, list) in dying) removedPassages[s] = removedPassages[s].With(Segments[s], list);
        if (documents.Count == 0) return new KnowledgeIndex(revision, Segments, removed, removedPassages, Dimensions);
        var added = IndexSegment.Build(documents, 16, passages, Dimensions);
        return new KnowledgeIndex(revision, [.. Segments, added], [.. removed, null], [.. removedPassages, DeadPassages.None], Dimensions);
    }

    /// <summary>
    /// This index brought to the revision the change feed reported, the changed documents and their passages read
    /// from the database. A document saved again between the two reads is named again by the feed's next revision.
    /// </summary>
    public KnowledgeIndex ApplyFrom(IDocumentStore store, KnowledgeChanges changes)
    {
        var documents = changes.DocumentIds.Select(store.Get).OfType<DocumentRecord>().ToList();
        return Apply(changes.Revision, changes.DocumentIds, documents, documents.SelectMany(d => store.PassagesOf(d.Id)));
    }

    public KnowledgeIndex ApplyFrom(KnowledgeDatabase db, KnowledgeChanges changes) =>
        ApplyFrom(new DocumentStore(db, TimeProvider.System), changes);

    /// <summary>
    /// The first segment worth merging with all after it, or -1: everything (0) once the small segments and the
    /// removed passages reach an eighth of the main segment (searches then spend more on them than a merge costs),
    /// the small segments (1) once there are more than <see cref="MaxSmallSegments"/>.
    /// </summary>
    internal int CompactionFrom()
    {
        long extra = SegmentStart[^1] - Segments[0].PassageCount + RemovedPassages.Sum(r => (long)r.Passages);
        if (extra > 0 && extra * 8 >= Math.Max(Segments[0].PassageCount, 1024)) return 0;
        return Segments.Count - 1 > MaxSmallSegments ? 1 : -1;
    }

    /// <summary>The same documents with segments <paramref name="from"/> onward merged into one (removed documents dropped).</summary>
    internal KnowledgeIndex Compacted(int from)
    {
        var merged = IndexSegment.Merge(Enumerable.Range(from, Segments.Count - from).Select(s => (Segments[s], Removed[s])).ToList());
        return new KnowledgeIndex(Revision, [.. Segments.Take(from), merged], [.. Removed.Take(from), null],
            [.. RemovedPassages.Take(from), DeadPassages.None], Dimensions);
    }

    /// <summary>
    /// Bytes the index holds per passage, by structure (for the benchmark's memory report; document records not counted).
    /// </summary>
    public IReadOnlyDictionary<string, double> BytesPerPassageByStructure()
    {
        var n = Math.Max(1, PassageCount);
        return new Dictionary<string, double>
        {
            ["int8 vectors"] = Segments.Sum(s => (double)s.Vectors.Length) / n,
            ["sign codes"] = Segments.Sum(s => s.SignCodes.Length * 8.0) / n,
            ["scales"] = Segments.Sum(s => s.Scales.Length * 4.0) / n,
            ["passage maps"] = (PassageDocument.Length * 4 + Segments.Sum(s => s.PassageCount + s.DocumentPassageStart.Length)) * 4.0 / n
                               + DocumentPassageStart.Length * 8.0 / n,
            ["BM25 postings and lengths"] = Segments.Sum(s => s.Lexical.ApproximateBytes()) / n,
        };
    }

    /// <summary>The segment holding a passage, and the passage's number in it.</summary>
    internal (IndexSegment Segment, int Local) Locate(int passage)
    {
        var s = _passageSegment is null ? 0 : _passageSegment[passage];
        return (Segments[s], passage - SegmentStart[s]);
    }

    /// <summary>The segment number holding a passage.</summary>
    internal int SegmentOf(int passage) => _passageSegment is null ? 0 : _passageSegment[passage];

    internal ReadOnlySpan<sbyte> Vector(int passage)
    {
        var (segment, local) = Locate(passage);
        return segment.Vector(local);
    }

    /// <summary>A query vector quantised once per search.</summary>
    public (sbyte[] Values, float Scale) Quantize(ReadOnlySpan<float> query)
    {
        var values = new sbyte[Dimensions];
        return (values, Int8Vectors.Quantize(query, values));
    }

    /// <summary>Approximate cosine of a quantised query with a stored passage vector.</summary>
    public float Cosine((sbyte[] Values, float Scale) query, int passage)
    {
        var (segment, local) = Locate(passage);
        return Int8Vectors.Dot(query.Values, segment.Vector(local)) * query.Scale * segment.Scales[local];
    }

    /// <summary>Which documents a filter lets through.</summary>
    internal bool[] Allowed(RetrievalFilter filter)
    {
        var allowed = new bool[Documents.Count];
        if (filter.Companies.Count == 0)
        {
            foreach (var i in MayBeInPeriod(filter)) allowed[i] = InPeriod(i, filter);
            return allowed;
        }
        // A company's documents from its list, not a test of every document: the filter costs what it lets through.
        var byCompany = filter.MainCompanyOnly ? _byMainCompany.Value : _byCompany.Value;
        foreach (var company in filter.Companies)
            if (byCompany.TryGetValue(company, out var documents))
                foreach (var i in documents) allowed[i] = InPeriod(i, filter);
        return allowed;
    }

    /// <summary>
    /// The documents a period filter needs to test: those published from a year (the longest span a date's precision
    /// covers) before its start to the trailing tolerance after its end, found by binary search in publication order,
    /// and the undated ones; every document when the filter has no period.
    /// </summary>
    private IEnumerable<int> MayBeInPeriod(RetrievalFilter filter)
    {
        if (filter.From is null && filter.To is null) return Enumerable.Range(0, Documents.Count);
        var (dated, ticks, undated) = _byPublished.Value;
        var first = filter.From is { } from ? LowerBound(ticks, (from - PeriodMatcher.LeadTolerance).AddDays(-367).Ticks) : 0;
        var end = filter.To is { } to ? LowerBound(ticks, (to + PeriodMatcher.TrailTolerance).Ticks) : dated.Length;
        return dated.Skip(first).Take(Math.Max(0, end - first)).Concat(undated);

        static int LowerBound(long[] sorted, long value)
        {
            var i = Array.BinarySearch(sorted, value);
            if (i < 0) return ~i;
            while (i > 0 && sorted[i - 1] == value) i--;
            return i;
        }
    }

    /// <summary>The dated documents in publication order (with their dates' ticks), and the undated ones.</summary>
    private (int[] Dated, long[] Ticks, int[] Undated) DocumentsByPublished()
    {
        var dated = Enumerable.Range(0, Documents.Count).Where(i => Documents[i].Published is not null)
            .OrderBy(i => Documents[i].Published!.Value).ToArray();
        var undated = Enumerable.Range(0, Documents.Count).Where(i => Documents[i].Published is null).ToArray();
        return (dated, dated.Select(i => Documents[i].Published!.Value.Ticks).ToArray(), undated);
    }

    /// <summary>The live documents naming a company (or, with <paramref name="mainOnly"/>, mainly about it), in id order.</summary>
    public IReadOnlyList<DocumentRecord> DocumentsAbout(string company, bool mainOnly) =>
        (mainOnly ? _byMainCompany.Value : _byCompany.Value).TryGetValue(company, out var positions)
            ? positions.Select(i => Documents[i]).ToList()
            : [];

    /// <summary>
    /// The allowed documents' passages as ranges of the index's numbering (a document's passages are contiguous), merged
    /// where adjacent within one segment, in document order; and how many passages they hold.
    /// </summary>
    internal (List<(int Start, int End)> Ranges, int Passages) PassageRanges(bool[] allowedDocuments)
    {
        var ranges = new List<(int Start, int End)>();
        var passages = 0;
        for (var d = 0; d < allowedDocuments.Length; d++)
        {
            if (!allowedDocuments[d]) continue;
            var (start, end) = (DocumentPassageStart[d], DocumentPassageEnd[d]);
            if (end <= start) continue;
            // A range stays inside one segment: searches read that segment's codes and postings.
            if (ranges.Count > 0 && ranges[^1].End == start && SegmentOf(ranges[^1].Start) == SegmentOf(start))
                ranges[^1] = (ranges[^1].Start, end);
            else ranges.Add((start, end));
            passages += end - start;
        }
        return (ranges, passages);
    }

    /// <summary>Each company's live documents (those naming it, or only those mainly about it), in index order.</summary>
    private Dictionary<string, int[]> DocumentsByCompany(bool mainOnly)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Documents.Count; i++)
        {
            var companies = Documents[i].Companies;
            foreach (var company in mainOnly ? companies.Take(1) : companies.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!lists.TryGetValue(company, out var list)) lists[company] = list = [];
                list.Add(i);
            }
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a document of this snapshot passes a filter.</summary>
    public bool Matches(DocumentRecord document, RetrievalFilter filter) =>
        TryFind(document.Id, out var i) && Matches(i, filter);

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
        return InPeriod(i, filter);
    }

    private bool InPeriod(int i, RetrievalFilter filter) => (filter.From is null && filter.To is null)
        || PeriodMatcher.DocumentInPeriod(Documents[i], DocumentYears[i], filter.From, filter.To);
}
