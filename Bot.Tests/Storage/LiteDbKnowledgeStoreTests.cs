namespace Bot.Tests.Storage;

/// <summary>The store contract on LiteDB (a file in a temporary folder).</summary>
public sealed class LiteDbKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly Knowledge.Support.TestPaths.TempDir _dir = new();
    private KnowledgeDatabase? _database;

    protected override ValueTask<KnowledgeStoreSet> OpenAsync()
    {
        _database = KnowledgeDatabase.Open(_dir.File("kb.db"));
        var lite = _database.Database;
        return ValueTask.FromResult(new KnowledgeStoreSet(new DocumentStore(_database, Time), new LiteKnowledgeMeta(_database),
            new LiteLayoffRowStore(lite), new LiteWarnNoticeStore(lite), new ArticleFigureStore(lite), new LiteFeedStateStore(_database),
            new LiteKnowledgeChangeFeed(_database)));
    }

    public override ValueTask DisposeAsync()
    {
        _database?.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
