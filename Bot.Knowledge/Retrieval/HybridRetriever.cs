namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Lexical (BM25) and vector (MiniLM cosine) rankings over the same passages, fused with reciprocal
/// rank fusion, after company/date filters. Holds the current <see cref="KnowledgeIndex"/> and keeps it
/// current: when the database revision moves, the documents the change feed names are applied to it
/// (milliseconds), and it is rebuilt only when the feed cannot say what changed. Segments added that
/// way are merged on a background thread once they are worth it. The snapshot file is a LiteDB file's companion: a
/// PostgreSQL store has none (instances share no disk, and each builds its index from the database at start).
/// </summary>
public sealed class HybridRetriever(IDocumentStore store, ITextEmbedder embedder, IKnowledgeChangeFeed? changeFeed = null)
    : IDisposable
{
    private const int RrfK = 60;
    private const int ListDepth = 50;
    /// <summary>A filter letting through at most this share (1/n) of the passages is narrow.</summary>
    private const int NarrowFilterShare = 4;
    private readonly KnowledgeDatabase? _liteDb = (store as DocumentStore)?.Database;
    private readonly IKnowledgeChangeFeed _changes = changeFeed ?? store as IKnowledgeChangeFeed
        ?? new LiteKnowledgeChangeFeed((store as DocumentStore)?.Database
            ?? throw new ArgumentException("The store has no change feed.", nameof(store)));
    private readonly Lock _buildLock = new();
    private KnowledgeIndex? _index;
    private Task _compaction = Task.CompletedTask;

    /// <summary>The merge running in the background, if any (tests wait for it).</summary>
    internal Task Compaction => _compaction;

    /// <summary>The current index, brought up to the database's revision.</summary>
    public KnowledgeIndex Index
    {
        get
        {
            var revision = store.Revision;
            var index = _index;
            if (index is not null && index.Revision == revision) return index;
            lock (_buildLock)
            {
                if (_index is null) _index = Load();
                else if (_index.Revision != store.Revision)
                    _index = _changes.ChangesSince(_index.Revision) is { } changes ? _index.ApplyFrom(store, changes) : Rebuild();
                CompactIfWorthIt(_index);
                return _index;
            }
        }
    }

    private string? SnapshotPath => _liteDb?.FilePath is { } file ? KnowledgeIndexSnapshot.PathFor(file) : null;

    /// <summary>
    /// At the first use, the snapshot saved beside the database file, brought forward by the change feed
    /// (start-up in a fraction of a rebuild); a rebuild when there is none or it cannot be trusted.
    /// </summary>
    private KnowledgeIndex Load() =>
        SnapshotPath is { } path && KnowledgeIndexSnapshot.TryLoad(_liteDb!, path, embedder.Dimensions, _changes) is { } loaded
            ? loaded
            : Rebuild();

    /// <summary>A build from the whole database, saved for the next start.</summary>
    private KnowledgeIndex Rebuild()
    {
        var built = KnowledgeIndex.Build(store, embedder.Dimensions);
        Save(built);
        return built;
    }

    /// <summary>
    /// Written after a rebuild or a full merge only: an update adds a few documents to an index of
    /// hundreds of megabytes, and the next start brings an older snapshot forward through the change feed.
    /// </summary>
    private void Save(KnowledgeIndex index)
    {
        if (SnapshotPath is not { } path) return;
        try
        {
            KnowledgeIndexSnapshot.Save(index, _liteDb!, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The snapshot only saves time at the next start; a read-only folder or a full disk must not stop answering.
        }
    }

    private volatile bool _disposed;

    /// <summary>
    /// Lets a merge running in the background finish, and starts no other: the container disposes the retriever before
    /// the database it reads, and a merge still reading (or saving the snapshot's database id) while LiteDB closes the
    /// file can break LiteDB's page cache on the merge's thread.
    /// </summary>
    public void Dispose()
    {
        Task compaction;
        lock (_buildLock)
        {
            _disposed = true;
            compaction = _compaction;
        }
        try
        {
            compaction.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // A merge that failed only cost its time; the index it would have replaced was still whole.
        }
    }

    /// <summary>
    /// Starts merging segments in the background when <see cref="KnowledgeIndex.CompactionFrom"/> says so (called under
    /// the lock); the merge goes on while the merged index still wants one (a full merge may be due once a small one ends).
    /// </summary>
    private void CompactIfWorthIt(KnowledgeIndex index)
    {
        if (_disposed || !_compaction.IsCompleted || index.CompactionFrom() < 0) return;
        _compaction = Task.Run(() =>
        {
            for (var source = index; !_disposed && source.CompactionFrom() is var from && from >= 0;)
            {
                var compacted = source.Compacted(from);
                lock (_buildLock)
                {
                    // Updates applied meanwhile are applied again to the merged index.
                    if (_index != source)
                    {
                        if (_changes.ChangesSince(source.Revision) is not { } changes) return;
                        compacted = compacted.ApplyFrom(store, changes);
                    }
                    _index = source = compacted;
                }
                if (from == 0) Save(compacted);
            }
        });
    }

    public IReadOnlyList<RetrievedPassage> Search(string query, RetrievalFilter filter, int top) =>
        Search(query, embedder.Embed(query), filter, top);

    public IReadOnlyList<RetrievedPassage> Search(string query, float[] queryVector, RetrievalFilter filter, int top)
    {
        var index = Index;
        if (index.PassageCount == 0) return [];
        var allowedDocs = index.Allowed(filter);
        var allowed = index.PassageRanges(allowedDocs);
        var tokens = Bm25Index.Tokens("", query);
        // A narrow filter (a company, a month) is read range by range; a wide one by MaxScore over the whole lists.
        var lexical = allowed.Passages <= index.PassageCount / NarrowFilterShare
            ? index.Lexical.TopWithin(tokens, allowed.Ranges, ListDepth)
            : index.Lexical.Top(tokens, allowedDocs, ListDepth);

        var cosines = new Dictionary<int, double>();
        var quantized = index.Quantize(queryVector);
        var vector = VectorSearch.Top(index, quantized, allowed, ListDepth);
        foreach (var (p, s) in vector) cosines[p] = s;

        var fused = new Dictionary<int, double>();
        for (var r = 0; r < lexical.Count; r++) fused[lexical[r]] = fused.GetValueOrDefault(lexical[r]) + 1.0 / (RrfK + r + 1);
        for (var r = 0; r < vector.Count; r++) fused[vector[r].Passage] = fused.GetValueOrDefault(vector[r].Passage) + 1.0 / (RrfK + r + 1);

        // At most a few passages per document, so one long article cannot fill every slot and the
        // other sources of the same story still get a voice (a passage over the cap waits for spare slots).
        var perDocument = Math.Max(2, top / 4);
        var ranked = fused.OrderByDescending(kv => kv.Value).ToList();
        var taken = new Dictionary<int, int>();
        var selected = new List<KeyValuePair<int, double>>(top);
        var overflow = new List<KeyValuePair<int, double>>();
        foreach (var kv in ranked)
        {
            if (selected.Count == top) break;
            var doc = index.PassageDocument[kv.Key];
            if (taken.GetValueOrDefault(doc) < perDocument) { taken[doc] = taken.GetValueOrDefault(doc) + 1; selected.Add(kv); }
            else overflow.Add(kv);
        }
        selected.AddRange(overflow.Take(top - selected.Count));
        return selected.Select(kv =>
        {
            var p = kv.Key;
            var cosine = cosines.TryGetValue(p, out var c) ? c : index.Cosine(quantized, p);
            return new RetrievedPassage(index.Documents[index.PassageDocument[p]], index.PassageIndex[p], index.PassageStart[p],
                index.PassageEnd[p], kv.Value, cosine);
        }).ToList();
    }
}

/// <summary>A passage that matched a query, with its document and fused score (higher is better).</summary>
public sealed record RetrievedPassage(DocumentRecord Document, int PassageIndex, int Start, int End, double Score, double Cosine)
{
    public string Text => Document.Text.Substring(Start, End - Start);
}
