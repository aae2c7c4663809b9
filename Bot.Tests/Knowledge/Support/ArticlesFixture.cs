namespace Bot.Tests.Knowledge.Support;

/// <summary>The shared articles ingested once into a temporary LiteDB file, for tests that only read.</summary>
public sealed class ArticlesFixture : IAsyncLifetime
{
    private readonly TestPaths.TempDir _dir = new();
    public KnowledgeDatabase Database { get; private set; } = null!;
    public KnowledgeServices Services { get; private set; } = null!;
    public IngestReport Report { get; private set; } = null!;
    public string DatabasePath => _dir.File("articles.db");

    public async ValueTask InitializeAsync()
    {
        Database = KnowledgeDatabase.Open(DatabasePath);
        Services = new KnowledgeServices(Database);
        Report = await Services.Get<IngestionPipeline>().IngestAsync([TestPaths.Articles], null, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        Services.Dispose();
        Database.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ArticlesCollection : ICollectionFixture<ArticlesFixture>
{
    public const string Name = "shared articles";
}
