using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.Storage;

/// <summary>The store contract on PostgreSQL (a fresh database per test).</summary>
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreContract
{
    private PostgresTestDatabase? _server;
    private PostgresDatabase? _database;

    protected override async ValueTask<KnowledgeStoreSet> OpenAsync()
    {
        _server = await PostgresTestDatabase.CreateAsync();
        _database = new PostgresDatabase(_server.ConnectionString);
        var documents = new PostgresDocumentStore(_database, Time);
        var data = new PostgresLayoffDataStore(_database);
        return new KnowledgeStoreSet(documents, documents, data, data, data, new PostgresFeedStateStore(_database), documents);
    }

    [Fact]
    public async Task Another_instance_sees_a_document_only_once_committed_and_then_hears_its_revision()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var other = new PostgresDatabase(_server!.ConnectionString);
        var otherStore = new PostgresDocumentStore(other, Time);
        var heard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var listen = new PostgresChangeListener(other).ListenAsync(() => listening.TrySetResult(), r => heard.TrySetResult(r), stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        var text = "Acme cuts 300 jobs.";
        var document = new DocumentRecord
        {
            Id = "a1", Title = "Acme", SourceKey = "k", SourceKind = "text", ContentHash = DocumentRecord.HashOf(text), Text = text,
        };
        PassageRecord[] passages =
            [new() { Id = "a1:0", DocumentId = "a1", Start = 0, End = text.Length, Text = text, Embedding = [0, 0, 128, 63] }];

        (DocumentRecord?, int, long) midway = default;
        Stores.Documents.Save(document, passages, _ => midway = (otherStore.Get("a1"), otherStore.PassageCount, otherStore.Revision));

        Assert.Equal((null, 0, 0L), midway);
        Assert.Equal(1L, await heard.Task.WaitAsync(TimeSpan.FromSeconds(30), ct));
        Assert.Equal((text, 1, 1L), (otherStore.Get("a1")?.Text, otherStore.PassageCount, otherStore.Revision));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    [Fact]
    public void A_following_store_knows_the_revision_from_what_it_heard_and_committed_and_asks_again_when_it_stops()
    {
        using var other = new PostgresDatabase(_server!.ConnectionString);
        var following = new PostgresDocumentStore(other, Time);
        following.StartFollowing();
        var text = "Acme cuts 300 jobs.";
        DocumentRecord Document(string id) =>
            new() { Id = id, Title = "Acme", SourceKey = id, SourceKind = "text", ContentHash = DocumentRecord.HashOf(id), Text = text };

        Stores.Documents.Save(Document("a1"), []); // another instance commits revision 1
        var beforeHearing = following.Revision;
        following.Heard(1);
        var afterHearing = following.Revision;
        following.Heard(0); // a late, older notification
        following.Save(Document("b2"), []); // its own commit: revision 2
        var afterOwnCommit = following.Revision;
        Stores.Documents.Save(Document("c3"), []); // revision 3, not heard
        following.StopFollowing();

        Assert.Equal((0L, 1L, 2L), (beforeHearing, afterHearing, afterOwnCommit));
        Assert.Equal(3L, following.Revision);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
