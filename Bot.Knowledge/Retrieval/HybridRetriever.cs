using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Storage;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Lexical (BM25) and vector (MiniLM cosine) rankings over the same passages, fused with reciprocal
/// rank fusion, after company/date filters. Holds the current <see cref="KnowledgeIndex"/> snapshot.
/// </summary>
public sealed class HybridRetriever(IDocumentStore store, ITextEmbedder embedder)
{
    private const int RrfK = 60;
    private const int ListDepth = 50;
    private readonly Lock _buildLock = new();
    private KnowledgeIndex? _index;

    /// <summary>The current snapshot, rebuilt if the database changed since it was built.</summary>
    public KnowledgeIndex Index
    {
        get
        {
            var revision = store.Revision;
            var index = _index;
            if (index is not null && index.Revision == revision) return index;
            lock (_buildLock)
            {
                if (_index is null || _index.Revision != store.Revision) _index = LoadOrBuild(first: _index is null);
                return _index;
            }
        }
    }

    /// <summary>
    /// At the first use, the snapshot saved beside the LiteDB file when it is current (start-up in a
    /// fraction of a rebuild); otherwise a build from the store, saved for the next start. A PostgreSQL
    /// store has no snapshot: instances share no disk, and each builds its index from the database.
    /// </summary>
    private KnowledgeIndex LoadOrBuild(bool first)
    {
        var db = (store as DocumentStore)?.Database;
        var snapshot = db?.FilePath is { } file ? KnowledgeIndexSnapshot.PathFor(file) : null;
        if (first && snapshot is not null && KnowledgeIndexSnapshot.TryLoad(db!, snapshot, embedder.Dimensions) is { } loaded)
            return loaded;
        var built = KnowledgeIndex.Build(store, embedder.Dimensions);
        if (snapshot is null) return built;
        try
        {
            KnowledgeIndexSnapshot.Save(built, db!, snapshot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The snapshot only saves time at the next start; a read-only folder or a full disk must not stop answering.
        }
        return built;
    }

    public IReadOnlyList<RetrievedPassage> Search(string query, RetrievalFilter filter, int top) =>
        Search(query, embedder.Embed(query), filter, top);

    public IReadOnlyList<RetrievedPassage> Search(string query, float[] queryVector, RetrievalFilter filter, int top)
    {
        var index = Index;
        if (index.PassageCount == 0) return [];
        var allowedDocs = index.Allowed(filter);
        bool Allowed(int p) => allowedDocs[index.PassageDocument[p]];

        var lexical = index.Lexical.Top(Bm25Index.Tokens("", query), Allowed, ListDepth);

        var cosines = new Dictionary<int, double>();
        var quantized = index.Quantize(queryVector);
        var vector = VectorSearch.Top(index, quantized, allowedDocs, ListDepth);
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
            return new RetrievedPassage(index.Documents[index.PassageDocument[p]], index.PassageIndex[p], index.PassageStart[p], index.PassageEnd[p], kv.Value, cosine);
        }).ToList();
    }
}
