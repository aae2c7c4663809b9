using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Retrieval;

/// <summary>The index snapshot beside the database file: trusted only whole, current and of this database.</summary>
public sealed class KnowledgeIndexSnapshotTests : IDisposable
{
    private const int Dimensions = 384;
    private readonly TestPaths.TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AddDocuments(KnowledgeDatabase db, int from, int count)
    {
        var random = new Random(from);
        var store = new DocumentStore(db, TimeProvider.System);
        for (var d = from; d < from + count; d++)
        {
            var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            VectorMath.Normalize(vector);
            store.Save(new DocumentRecord { Id = $"d{d}", SourceKey = $"k{d}", Title = $"Acme memo {d}",
                Text = $"Acme will cut {d} jobs in the unit {d}.", ContentHash = $"h{d}" },
                [new PassageRecord { Id = $"d{d}:0", DocumentId = $"d{d}", Index = 0, Start = 0, End = 20,
                    Embedding = VectorMath.ToBytes(vector) }]);
        }
    }

    [Fact]
    public void A_saved_snapshot_loads_into_the_same_index()
    {
        using var db = KnowledgeDatabase.Open(_dir.File("a.db"));
        AddDocuments(db, 0, 30);
        var built = KnowledgeIndex.Build(db, Dimensions);
        var path = KnowledgeIndexSnapshot.PathFor(db.FilePath!);
        KnowledgeIndexSnapshot.Save(built, db, path);

        var loaded = KnowledgeIndexSnapshot.TryLoad(db, path, Dimensions);
        Assert.NotNull(loaded);
        Assert.Equal(built.Revision, loaded.Revision);
        Assert.Equal(built.Documents.Select(d => d.Id), loaded.Documents.Select(d => d.Id));
        Assert.Equal(built.Segments[0].Vectors, loaded.Segments[0].Vectors);
        Assert.Equal(built.Segments[0].SignCodes, loaded.Segments[0].SignCodes);
        Assert.Equal(built.Lexical.PassagesWith("unit"), loaded.Lexical.PassagesWith("unit"));
        var query = built.Quantize(Enumerable.Repeat(0.05f, Dimensions).ToArray());
        var all = Enumerable.Repeat(true, built.Documents.Count).ToArray();
        Assert.Equal(VectorSearch.Top(built, query, all, 5), VectorSearch.Top(loaded, query, all, 5));
    }

    /// <summary>A database of five documents with its snapshot saved.</summary>
    private (KnowledgeDatabase Db, string Path) Saved(string name)
    {
        var db = KnowledgeDatabase.Open(_dir.File(name));
        AddDocuments(db, 0, 5);
        var path = KnowledgeIndexSnapshot.PathFor(db.FilePath!);
        KnowledgeIndexSnapshot.Save(KnowledgeIndex.Build(db, Dimensions), db, path);
        return (db, path);
    }

    [Fact]
    public void A_snapshot_of_an_older_revision_is_not_trusted()
    {
        var (db, path) = Saved("b.db");
        using var _ = db;
        AddDocuments(db, 5, 1);
        Assert.Null(KnowledgeIndexSnapshot.TryLoad(db, path, Dimensions));
    }

    [Theory]
    [InlineData(0.5)]   // cut in the middle
    [InlineData(0.999)] // the hash cut short
    public void A_truncated_snapshot_is_not_trusted(double keep)
    {
        var (db, path) = Saved($"c{keep}.db");
        using var _ = db;
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        Assert.Null(KnowledgeIndexSnapshot.TryLoad(db, path, Dimensions));
    }

    [Fact]
    public void A_flipped_byte_is_not_trusted()
    {
        var (db, path) = Saved("d.db");
        using var _ = db;
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        Assert.Null(KnowledgeIndexSnapshot.TryLoad(db, path, Dimensions));
    }

    [Fact]
    public void A_snapshot_from_another_database_is_refused()
    {
        var (first, path) = Saved("e.db");
        first.Dispose();
        using var second = KnowledgeDatabase.Open(_dir.File("f.db"));
        AddDocuments(second, 0, 5); // the same documents and revision, but another database
        Assert.Null(KnowledgeIndexSnapshot.TryLoad(second, path, Dimensions));
    }

    [Fact]
    public void The_retriever_saves_a_snapshot_and_a_restart_answers_from_it()
    {
        var file = _dir.File("g.db");
        using (var db = KnowledgeDatabase.Open(file))
        {
            AddDocuments(db, 0, 10);
            Assert.Equal(10, new HybridRetriever(new DocumentStore(db, TimeProvider.System), new ConstantEmbedder()).Index.Documents.Count);
        }
        var snapshot = KnowledgeIndexSnapshot.PathFor(Path.GetFullPath(file));
        Assert.True(File.Exists(snapshot));
        var saved = File.ReadAllBytes(snapshot);
        File.SetLastWriteTimeUtc(snapshot, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var reopened = KnowledgeDatabase.Open(file);
        using var retriever = new HybridRetriever(new DocumentStore(reopened, TimeProvider.System), new ConstantEmbedder());
        Assert.Equal(10, retriever.Index.Documents.Count);
        Assert.NotEmpty(retriever.Search("unit jobs", RetrievalFilter.None, 3));
        // Loaded, not rebuilt: a rebuild writes the snapshot again.
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(snapshot));
        Assert.Equal(saved, File.ReadAllBytes(snapshot));
    }

    /// <summary>An embedder that needs no model: these tests are about the index, not about meaning.</summary>
    private sealed class ConstantEmbedder : ITextEmbedder
    {
        public int Dimensions => KnowledgeIndexSnapshotTests.Dimensions;
        public float[] Embed(string text)
        {
            var v = Enumerable.Repeat(1f, Dimensions).ToArray();
            VectorMath.Normalize(v);
            return v;
        }
    }
}
