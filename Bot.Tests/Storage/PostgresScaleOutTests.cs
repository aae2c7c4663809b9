using Bot.Knowledge.Retrieval;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Tests.Storage;

/// <summary>Two <c>serve</c> hosts (separate containers, each its own in-memory index) on one PostgreSQL knowledge base.</summary>
public sealed class PostgresScaleOutTests : IAsyncLifetime
{
    private static readonly TimeSpan Reach = TimeSpan.FromSeconds(2);

    private readonly TestPaths.TempDir _dir = new();
    private PostgresTestDatabase _pg = null!;
    private WebApplication _first = null!;
    private WebApplication _second = null!;
    private KnowledgeChangeFollower _follower = null!;

    /// <summary>Both hosts over one fresh database, started; the second's follower listens and its index is built.</summary>
    public async ValueTask InitializeAsync()
    {
        _pg = await PostgresTestDatabase.CreateAsync();
        _first = Instance(_pg, _dir);
        _second = Instance(_pg, _dir);
        _follower = await StartBothAsync(_first, _second);
    }

    public async ValueTask DisposeAsync()
    {
        await _second.StopAsync(TestContext.Current.CancellationToken);
        await _first.StopAsync(TestContext.Current.CancellationToken);
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _pg.DisposeAsync();
        _dir.Dispose();
    }

    private Task<IngestReport> IngestDellThroughFirstAsync() =>
        _first.Services.GetRequiredService<IngestionPipeline>().IngestAsync(
            [Path.Combine(TestPaths.Articles, "dell-2023-02-clarke-6650-crn.md")], null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_article_ingested_through_one_instance_is_cited_by_the_other_within_two_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var question = new AnswerRequest("How many jobs did Dell cut in February 2023?");
        var engine = _second.Services.GetRequiredService<IAnswerEngine>();
        var before = await engine.AnswerAsync(question, ct); // also loads the model, so the timed ask below is warm

        var report = await IngestDellThroughFirstAsync();
        var committed = Stopwatch.StartNew();
        var documentId = Assert.Single(report.Items, i => i.Outcome == IngestOutcome.Added).DocumentId;
        var revision = _first.Services.GetRequiredService<IDocumentStore>().Revision;
        await Until(() => _follower.IndexRevision >= revision, Reach, "the second instance's index at the new revision");
        var after = await engine.AnswerAsync(question, ct);
        committed.Stop();

        Assert.True(before.NoAnswer, before.Text);
        // Applied to the index it had (a segment added), not rebuilt from every document.
        Assert.Equal(2, _second.Services.GetRequiredService<HybridRetriever>().Index.Segments.Count);
        Assert.Contains(after.Citations, c => c.DocumentId == documentId && c.Quote.Contains("6,650"));
        Assert.True(committed.Elapsed < Reach, $"cited after {committed.Elapsed.TotalMilliseconds:F0} ms");
        Assert.False(File.Exists(_dir.File("unused.db")), "the LiteDB file was opened although the store is PostgreSQL");
        using var http = new HttpClient();
        var url = _second.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var health = JsonDocument.Parse(await http.GetStringAsync(url + "/health", ct));
        var changes = health.RootElement.GetProperty("components").GetProperty("knowledgeChanges");
        Assert.True(changes.GetProperty("healthy").GetBoolean());
        Assert.Equal(revision, changes.GetProperty("detail").GetProperty("indexRevision").GetInt64());
    }

    [Fact]
    public async Task After_its_connection_is_cut_an_instance_reconnects_and_catches_up()
    {
        var ct = TestContext.Current.CancellationToken;

        await using (var admin = new Npgsql.NpgsqlConnection(_pg.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var cut = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity " +
                "WHERE datname = current_database() AND query LIKE 'LISTEN%'", admin);
            Assert.Equal(2L, await cut.ExecuteScalarAsync(ct)); // one listening connection per instance
        }
        await Until(() => !_follower.Listening, TimeSpan.FromSeconds(30), "the second instance to notice the cut");
        var report = await IngestDellThroughFirstAsync();
        var revision = _first.Services.GetRequiredService<IDocumentStore>().Revision;

        // Reconnecting after a one-second back-off; the change may have been committed while nobody listened.
        await Until(() => _follower.Listening && _follower.IndexRevision >= revision, TimeSpan.FromSeconds(30),
            "the second instance to catch up");
        Assert.Equal(IngestOutcome.Added, Assert.Single(report.Items).Outcome);
    }

    /// <summary>A <c>serve</c> host over the test's PostgreSQL database; the LiteDB path it is given must stay unopened.</summary>
    private static WebApplication Instance(PostgresTestDatabase pg, TestPaths.TempDir dir) =>
        ServeCommand.BuildApp(null, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["Knowledge:Store"] = "postgres", ["Knowledge:ConnectionString"] = pg.ConnectionString, ["Knowledge:SeedOnServe"] = "false",
            ["Knowledge:DatabasePath"] = dir.File("unused.db"),
        });

    /// <summary>Starts both hosts; returns the second's follower once it listens and its index is built.</summary>
    private static async Task<KnowledgeChangeFollower> StartBothAsync(WebApplication first, WebApplication second)
    {
        var follower = second.Services.GetRequiredService<KnowledgeChangeFollower>();
        await first.StartAsync(TestContext.Current.CancellationToken);
        await second.StartAsync(TestContext.Current.CancellationToken);
        await Until(() => follower.Listening && follower.IndexRevision == 0, TimeSpan.FromSeconds(60), "the second instance listening");
        return follower;
    }

    /// <summary>Polls a condition every few milliseconds, failing once <paramref name="limit"/> has passed.</summary>
    private static async Task Until(Func<bool> condition, TimeSpan limit, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit) Assert.Fail($"waited {limit.TotalSeconds:F0} s for {what}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
