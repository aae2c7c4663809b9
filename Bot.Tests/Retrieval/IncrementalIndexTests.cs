using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;
using Bot.Tests.Benchmarks;

namespace Bot.Tests.Retrieval;

/// <summary>
/// An index updated in place (a segment for the changed documents, their old versions removed) searches
/// exactly as a fresh build of the same documents: same passages, order and scores.
/// </summary>
public sealed class IncrementalIndexTests : IDisposable
{
    private static readonly string[] Words =
        ["layoffs", "cut", "jobs", "staff", "memo", "engineers", "sales", "cloud", "office", "closing", "hiring", "freeze", "budget",
         "costs",
         "restructuring", "workforce", "teams", "percent", "quarter", "severance", "remote", "unit", "plant", "ireland", "texas", "chief"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella"];
    private static readonly string[] Queries =
        ["layoffs cut jobs", "memo from the chief about severance", "cloud unit closing in ireland", "freeze", "hiring"];

    private readonly HashEmbedder _embedder = new();
    private readonly TestPaths.TempDir _dir = new();
    private readonly List<KnowledgeDatabase> _databases = [];
    private readonly List<HybridRetriever> _retrievers = [];

    public void Dispose()
    {
        foreach (var retriever in _retrievers) retriever.Dispose(); // their background merges end before the files close
        foreach (var db in _databases) db.Dispose();
        _dir.Dispose();
    }

    private HybridRetriever NewRetriever(KnowledgeDatabase db)
    {
        var retriever = new HybridRetriever(new DocumentStore(db, TimeProvider.System), _embedder);
        _retrievers.Add(retriever);
        return retriever;
    }

    private KnowledgeDatabase NewDatabase(string? file = null)
    {
        var db = file is null ? KnowledgeDatabase.InMemory() : KnowledgeDatabase.Open(_dir.File(file));
        _databases.Add(db);
        return db;
    }

    /// <summary>
    /// A document of a few passages; <paramref name="version"/> changes its text. Some repeat a sentence word for word (ties).
    /// </summary>
    private (DocumentRecord Document, List<PassageRecord> Passages) Generate(int n, int version = 0)
    {
        var random = new Random(n * 31 + version);
        var sentences = Enumerable.Range(0, 3 + random.Next(4)).Select(i => n % 5 == 0 && i == 0
            ? "Layoffs cut jobs at the unit."
            : string.Join(' ', Enumerable.Range(0, 5 + random.Next(8)).Select(_ => Words[random.Next(Words.Length)])) + ".").ToList();
        var text = "";
        var passages = new List<PassageRecord>();
        var id = $"doc{n:000}";
        for (var i = 0; i < sentences.Count; i++)
        {
            var start = text.Length;
            text += sentences[i] + " ";
            passages.Add(new PassageRecord
            {
                Id = $"{id}:{i}", DocumentId = id, Index = i, Start = start, End = start + sentences[i].Length, Text = sentences[i],
                Embedding = VectorMath.ToBytes(_embedder.Embed(sentences[i])),
            });
        }
        if (n % 4 == 3) text += $"It happened in {2020 + n % 5}.";
        var document = new DocumentRecord
        {
            Id = id, SourceKey = "k" + id, Title = $"{Companies[n % Companies.Length]} news {n}", Text = text,
            ContentHash = DocumentRecord.HashOf(text), Companies = [Companies[n % Companies.Length]],
            Published = n % 4 == 3 ? null : new DateTime(2021 + n % 4, 1 + n % 12, 1, 0, 0, 0, DateTimeKind.Utc),
            // Month and year dates cover their whole month or year: a period filter must still find them.
            PublishedPrecision = (n % 3) switch { 0 => "day", 1 => "month", _ => "year" },
        };
        return (document, passages);
    }

    private static void Save(KnowledgeDatabase db, (DocumentRecord Document, List<PassageRecord> Passages) d) =>
        new DocumentStore(db, TimeProvider.System).Save(d.Document, d.Passages);

    /// <summary>Removes a document as a delete path would: its rows, a revision and a change-feed row in one transaction.</summary>
    private static void Remove(KnowledgeDatabase db, string id) => LiteTransaction.Run(db.Database, () =>
    {
        db.Documents.Delete(id);
        db.Passages.DeleteMany(p => p.DocumentId == id);
        db.BumpRevision();
        LiteKnowledgeChangeFeed.Record(db, id);
    });

    /// <summary>A database holding exactly these versions of these documents, and its freshly built retriever.</summary>
    private HybridRetriever Fresh(IEnumerable<(int N, int Version)> documents)
    {
        var db = NewDatabase();
        foreach (var (n, version) in documents) Save(db, Generate(n, version));
        return NewRetriever(db);
    }

    private static readonly RetrievalFilter[] Filters =
    [
        RetrievalFilter.None,
        new() { Companies = ["Globex"], MainCompanyOnly = true },
        new() { From = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
    ];

    /// <summary>Every query under every filter, as comparable values (ids, offsets and scores, exactly).</summary>
    private static List<string> Results(HybridRetriever retriever) =>
        Queries.SelectMany(q => Filters.SelectMany((f, i) => retriever.Search(q, f, 8)
            .Select(r => $"{q}|{i}|{r.Document.Id}|{r.PassageIndex}|{r.Start}|{r.End}|{r.Text}|{r.Score:R}|{r.Cosine:R}"))).ToList();

    /// <summary>The lower layers too: BM25's top list with its scores and the two-stage vector search forced on.</summary>
    private List<string> Layers(KnowledgeIndex index)
    {
        var all = Enumerable.Repeat(true, index.Documents.Count).ToArray();
        // The company lists behind a filter let through exactly the documents the filter's rule accepts, one by one.
        RetrievalFilter[] filters = [.. Filters, Filters[1] with { MainCompanyOnly = false }, Filters[1] with { From = Filters[2].From }];
        foreach (var filter in filters)
            Assert.Equal(index.Documents.Select(d => index.Matches(d, filter)), index.Allowed(filter));
        return Queries.SelectMany(q =>
        {
            var tokens = Bm25Index.Tokens("", q);
            var scores = index.Lexical.Score(tokens, _ => true);
            Assert.Equal(index.Lexical.TopByScoringAll(tokens, null, 10), index.Lexical.Top(tokens, (bool[]?)null, 10));
            // A narrow filter read range by range ranks as MaxScore over the whole lists does.
            foreach (var allowed in (bool[][])[index.Allowed(Filters[1]), [.. index.Documents.Select((_, d) => d % 3 == 0)]])
                Assert.Equal(index.Lexical.Top(tokens, allowed, 10),
                    index.Lexical.TopWithin(tokens, index.PassageRanges(allowed).Ranges, 10));
            var lexical = index.Lexical.Top(tokens, _ => true, 10).Select(p => $"bm25|{Key(index, p)}|{scores[p]:R}");
            var vector = VectorSearch.Top(index, index.Quantize(_embedder.Embed(q)), all, 6, exactScanLimit: 0)
                .Select(r => $"vec|{Key(index, r.Passage)}|{r.Score:R}");
            return lexical.Concat(vector);
        }).Concat(index.Documents.Select(d => d.Id + "@" + d.ContentHash)).ToList();
    }

    private static string Key(KnowledgeIndex index, int passage) =>
        $"{index.Documents[index.PassageDocument[passage]].Id}:{index.PassageIndex[passage]}";

    [Fact]
    public void Added_replaced_and_removed_documents_search_as_a_fresh_build_of_the_same_documents()
    {
        var db = NewDatabase();
        for (var n = 0; n < 40; n++) Save(db, Generate(n));
        var retriever = NewRetriever(db);
        Assert.Single(retriever.Index.Segments);

        Save(db, Generate(40));             // added (sorts last)
        Save(db, Generate(7, version: 1));  // replaced: new text, other passages
        Remove(db, "doc012");
        var updated = retriever.Index;
        Assert.Equal(db.Revision, updated.Revision);
        Assert.Equal(2, updated.Segments.Count); // applied, not rebuilt
        Save(db, Generate(41));
        Save(db, Generate(7, version: 2));  // replaced again, in the small segment this time
        Save(db, Generate(5, version: 1));  // the first of its id order, with a shared sentence (ties)
        Remove(db, "doc040");
        Assert.True(retriever.Index.Segments.Count > 2);

        var expected = Enumerable.Range(0, 42).Where(n => n is not 12 and not 40).Select(n => (n, n == 7 ? 2 : n == 5 ? 1 : 0)).ToList();
        var fresh = Fresh(expected);
        Assert.Equal(Results(fresh), Results(retriever));
        Assert.Equal(Layers(fresh.Index), Layers(retriever.Index));
        Assert.Equal(fresh.Index.PassageCount, retriever.Index.PassageCount);
        // Merged back together (the small segments, then everything), still the same.
        Assert.Equal(Layers(fresh.Index), Layers(retriever.Index.Compacted(1)));
        var whole = retriever.Index.Compacted(0);
        Assert.Single(whole.Segments);
        Assert.Equal(Layers(fresh.Index), Layers(whole));
    }

    /// <summary>A database of the first <paramref name="documents"/> documents and a retriever that has built its index.</summary>
    private (KnowledgeDatabase Db, HybridRetriever Retriever) Built(int documents)
    {
        var db = NewDatabase();
        for (var n = 0; n < documents; n++) Save(db, Generate(n));
        var retriever = NewRetriever(db);
        _ = retriever.Index;
        return (db, retriever);
    }

    [Fact]
    public void Every_document_replaced_or_removed_leaves_an_index_equal_to_a_fresh_build()
    {
        var (db, retriever) = Built(10);
        for (var n = 0; n < 10; n++)
            if (n % 3 == 0) Remove(db, $"doc{n:000}");
            else Save(db, Generate(n, version: 1));
        var fresh = Fresh(Enumerable.Range(0, 10).Where(n => n % 3 != 0).Select(n => (n, 1)));
        Assert.Equal(Layers(fresh.Index), Layers(retriever.Index));
        Assert.Equal(Results(fresh), Results(retriever));
    }

    [Fact]
    public void A_change_the_feed_cannot_describe_rebuilds_the_index()
    {
        var (db, retriever) = Built(10);
        var (document, passages) = Generate(10);
        db.Documents.Insert(document); // written around the store: no change-feed row for the revision
        db.Passages.InsertBulk(passages);
        db.BumpRevision();
        Save(db, Generate(11));
        var index = retriever.Index;
        Assert.Single(index.Segments);
        Assert.Equal(12, index.Documents.Count);
    }

    [Fact]
    public void A_disposed_retriever_has_let_its_background_merge_end_and_starts_no_other()
    {
        var (db, retriever) = Built(200);
        for (var n = 200; n < 200 + KnowledgeIndex.MaxSmallSegments + 1; n++)
        {
            Save(db, Generate(n));
            _ = retriever.Index;
        }
        var merge = retriever.Compaction;

        retriever.Dispose();

        Assert.True(merge.IsCompleted); // the database may now be closed under it
        for (var n = 300; n < 300 + KnowledgeIndex.MaxSmallSegments + 1; n++)
        {
            Save(db, Generate(n));
            _ = retriever.Index;
        }
        Assert.Same(merge, retriever.Compaction);
    }

    [Fact]
    public async Task Small_segments_beyond_the_limit_are_merged_in_the_background_with_updates_made_meanwhile()
    {
        var (db, retriever) = Built(200);
        for (var n = 200; n < 200 + KnowledgeIndex.MaxSmallSegments + 1; n++)
        {
            Save(db, Generate(n));
            _ = retriever.Index;
        }
        await retriever.Compaction.WaitAsync(TestContext.Current.CancellationToken);
        Save(db, Generate(3, version: 1));
        var index = retriever.Index;
        Assert.True(index.Segments.Count <= 3, $"{index.Segments.Count} segments");
        var fresh = Fresh(Enumerable.Range(0, 200 + KnowledgeIndex.MaxSmallSegments + 1).Select(n => (n, n == 3 ? 1 : 0)));
        Assert.Equal(Layers(fresh.Index), Layers(index));
    }

    [Fact]
    public void A_snapshot_of_an_older_revision_is_brought_forward_by_the_change_feed_and_not_written_again()
    {
        var file = "inc.db";
        var db = NewDatabase(file);
        for (var n = 0; n < 20; n++) Save(db, Generate(n));
        _ = NewRetriever(db).Index; // built and saved
        var path = KnowledgeIndexSnapshot.PathFor(db.FilePath!);
        var saved = File.ReadAllBytes(path);
        Save(db, Generate(20));
        Save(db, Generate(4, version: 1));
        Remove(db, "doc009");

        Assert.Null(KnowledgeIndexSnapshot.TryLoad(db, path, _embedder.Dimensions)); // stale, and no feed to bring it forward
        var retriever = NewRetriever(db);
        var index = retriever.Index;
        Assert.Equal(db.Revision, index.Revision);
        Assert.Equal(2, index.Segments.Count); // loaded and brought forward, not rebuilt
        var fresh = Fresh(Enumerable.Range(0, 21).Where(n => n != 9).Select(n => (n, n == 4 ? 1 : 0)));
        Assert.Equal(Layers(fresh.Index), Layers(index));
        Assert.Equal(Results(fresh), Results(retriever));
        Assert.Equal(saved, File.ReadAllBytes(path)); // an update does not write the snapshot

        // A snapshot of an updated index (segments, removed documents) round-trips too.
        KnowledgeIndexSnapshot.Save(index, db, path);
        Save(db, Generate(21));
        var reloaded = KnowledgeIndexSnapshot.TryLoad(db, path, _embedder.Dimensions, new LiteKnowledgeChangeFeed(db));
        Assert.NotNull(reloaded);
        Assert.Equal(Layers(Fresh(Enumerable.Range(0, 22).Where(n => n != 9).Select(n => (n, n == 4 ? 1 : 0))).Index), Layers(reloaded));
    }

    [Fact]
    public async Task Once_the_updates_reach_an_eighth_of_the_index_everything_is_merged_and_the_snapshot_saved()
    {
        var db = NewDatabase("merge.db");
        for (var n = 0; n < 60; n++) Save(db, Generate(n));
        var retriever = NewRetriever(db);
        _ = retriever.Index;
        var path = KnowledgeIndexSnapshot.PathFor(db.FilePath!);
        var built = File.ReadAllBytes(path);
        var versions = Enumerable.Range(0, 60).ToDictionary(n => n, _ => 0);
        for (var step = 60; retriever.Index.CompactionFrom() != 0 && step < 400; step++)
        {
            // Updates alone never write it; the full merge may already have, in the background: then it must be merged below.
            if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(built)) break;
            var (n, version) = step % 2 == 0 ? (step / 2, 1) : (step, 0); // replace an older document, or add one
            Save(db, Generate(n, version));
            versions[n] = version;
        }
        _ = retriever.Index;
        await retriever.Compaction.WaitAsync(TestContext.Current.CancellationToken);
        var merged = retriever.Index;
        Assert.Single(merged.Segments);
        Assert.NotEqual(built, File.ReadAllBytes(path));
        var fresh = Fresh(versions.Select(kv => (kv.Key, kv.Value)));
        Assert.Equal(Layers(fresh.Index), Layers(merged));
        // The saved merge is a snapshot the next start can use.
        var loaded = KnowledgeIndexSnapshot.TryLoad(db, path, _embedder.Dimensions, new LiteKnowledgeChangeFeed(db));
        Assert.Equal(Layers(fresh.Index), Layers(loaded!));
    }

    [Fact]
    public async Task Searches_while_documents_are_applied_see_whole_indexes()
    {
        var (db, retriever) = Built(100);
        var writing = true;
        var searches = Task.Run(() =>
        {
            var count = 0;
            while (Volatile.Read(ref writing) || count < 20)
            {
                var index = retriever.Index;
                // An index is immutable: its documents and passages agree whatever is applied meanwhile.
                Assert.Equal(index.Documents.Count, index.Documents.Select(d => d.Id).Distinct().Count());
                Assert.All(retriever.Search(Queries[count % Queries.Length], Filters[count % Filters.Length], 8),
                    r => Assert.Equal(r.Document.Text[r.Start..r.End], r.Text));
                count++;
            }
            return count;
        }, TestContext.Current.CancellationToken);
        for (var n = 100; n < 140; n++) Save(db, Generate(n % 2 == 0 ? n : n - 90, n % 2 == 0 ? 0 : 1));
        Volatile.Write(ref writing, false);
        Assert.True(await searches >= 20);
        await retriever.Compaction.WaitAsync(TestContext.Current.CancellationToken);
        var fresh = Fresh(Enumerable.Range(0, 140).Where(n => n < 100 || n % 2 == 0)
            .Select(n => (n, n is >= 11 and < 50 && n % 2 == 1 ? 1 : 0)));
        Assert.Equal(Layers(fresh.Index), Layers(retriever.Index));
    }

    [Fact]
    public void A_snapshot_missing_a_document_the_feed_does_not_name_is_not_trusted()
    {
        var db = NewDatabase("gap.db");
        for (var n = 0; n < 5; n++) Save(db, Generate(n));
        var path = KnowledgeIndexSnapshot.PathFor(db.FilePath!);
        KnowledgeIndexSnapshot.Save(KnowledgeIndex.Build(db, _embedder.Dimensions), db, path);
        var (document, passages) = Generate(5);
        db.Documents.Insert(document); // the same revision, a document more
        db.Passages.InsertBulk(passages);
        Assert.Null(KnowledgeIndexSnapshot.TryLoad(db, path, _embedder.Dimensions, new LiteKnowledgeChangeFeed(db)));
    }
}
