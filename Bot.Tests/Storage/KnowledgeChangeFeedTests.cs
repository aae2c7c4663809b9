using LiteDB;

namespace Bot.Tests.Storage;

/// <summary>The LiteDB change feed: what changed after a revision, or null when it cannot say.</summary>
public sealed class KnowledgeChangeFeedTests : IDisposable
{
    private readonly KnowledgeDatabase _db = KnowledgeDatabase.InMemory();
    private readonly DocumentStore _store;
    private readonly LiteKnowledgeChangeFeed _feed;

    public KnowledgeChangeFeedTests()
    {
        _store = new DocumentStore(_db, TimeProvider.System);
        _feed = new LiteKnowledgeChangeFeed(_db);
    }

    public void Dispose() => _db.Dispose();

    private void Save(string id, string text) =>
        _store.Save(new DocumentRecord
            {
                Id = id, SourceKey = "k-" + id, Title = id, Text = text, ContentHash = DocumentRecord.HashOf(text),
            },
            [new PassageRecord { Id = id + ":0", DocumentId = id, Index = 0, Start = 0, End = text.Length, Text = text }]);

    [Fact]
    public void Names_each_document_written_after_a_revision_once_with_the_revision_reached()
    {
        Save("a", "first");
        var after = _db.Revision;
        Save("b", "second");
        Save("c", "third");
        Save("b", "second, corrected");

        var changes = _feed.ChangesSince(after);
        Assert.NotNull(changes);
        Assert.Equal(_db.Revision, changes.Revision);
        Assert.Equal(["b", "c"], changes.DocumentIds.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "b", "c"], _feed.ChangesSince(0)!.DocumentIds.Order(StringComparer.Ordinal));
        Assert.Empty(_feed.ChangesSince(_db.Revision)!.DocumentIds);
    }

    [Fact]
    public void A_failed_save_records_nothing()
    {
        Save("a", "first");
        var before = _db.Revision;
        Assert.Throws<InvalidOperationException>(() => _store.Save(
            new DocumentRecord { Id = "x", SourceKey = "k-x", Title = "x", Text = "never", ContentHash = "h" }, [],
            _ => throw new InvalidOperationException("indexer failed")));
        Assert.Equal(before, _db.Revision);
        Assert.Empty(_feed.ChangesSince(before)!.DocumentIds);
        Assert.Equal(["a"], _feed.ChangesSince(0)!.DocumentIds);
    }

    [Fact]
    public void A_revision_bumped_without_a_record_or_a_revision_ahead_of_the_store_cannot_be_told()
    {
        Save("a", "first");
        var before = _db.Revision;
        // A change made around the store (as a bulk load does): the feed has no row for that revision.
        _db.WriteMeta(new BsonDocument { ["_id"] = "revision", ["value"] = before + 1 });
        Save("b", "second");
        Assert.Null(_feed.ChangesSince(before));
        Assert.Equal(["b"], _feed.ChangesSince(before + 1)!.DocumentIds);
        Assert.Null(_feed.ChangesSince(_db.Revision + 1));
    }

    [Fact]
    public void Rows_older_than_the_kept_revisions_are_trimmed_and_then_the_feed_cannot_reach_back()
    {
        _db.WriteMeta(new BsonDocument { ["_id"] = "revision", ["value"] = (long)LiteKnowledgeChangeFeed.KeptRevisions + 200 });
        var start = _db.Revision;
        for (var i = 0; i < 100; i++) Save("d" + i, "text " + i); // crosses a multiple of the trim interval
        Assert.NotNull(_feed.ChangesSince(start)); // not yet old enough to trim
        _db.WriteMeta(new BsonDocument { ["_id"] = "revision", ["value"] = start + LiteKnowledgeChangeFeed.KeptRevisions + 250 });
        var late = _db.Revision;
        for (var i = 0; i < 300; i++) Save("e" + i, "text " + i);
        Assert.Null(_feed.ChangesSince(start));
        var rows = _db.Database.GetCollection("document_changes");
        Assert.DoesNotContain(rows.FindAll(), r => r["document"].AsString.StartsWith('d'));
        Assert.Equal(300, _feed.ChangesSince(late)!.DocumentIds.Count);
    }
}
