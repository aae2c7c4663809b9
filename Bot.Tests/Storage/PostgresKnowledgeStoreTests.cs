using Bot.Knowledge.Storage.Postgres;
using Bot.Tests.Support;

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
        return new KnowledgeStoreSet(documents, documents, data, data, data, new PostgresFeedStateStore(_database));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
