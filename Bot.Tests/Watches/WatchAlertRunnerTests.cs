using Bot.Knowledge.Storage.Postgres;
using Bot.Knowledge.Watches;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Watches;

/// <summary>The watch alert runner over a real LiteDB file with an in-test publisher: the digest's at-most-once rules.</summary>
public sealed class WatchAlertRunnerTests : IDisposable
{
    private readonly KnowledgeDatabase _database = KnowledgeDatabase.Open(TestDatabase.NewPath());
    private readonly FakeTimeProvider _time = new(TestTime.Utc("2026-11-26T10:00:00Z"));

    private WatchAlertRunner Runner(
        RecordingPublisher publisher, IWatchStore watches, LayoffDataQueries queries, WatchAlertLedger? ledger = null) =>
        new([publisher], watches, new WatchAlertFinder(queries), ledger ?? new WatchAlertLedger(_database, _time),
            new WatchAlertRenderer(new DocumentStore(_database, _time)), NullLogger<WatchAlertRunner>.Instance);

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_post_each_new_round_once_per_channel()
    {
        var ct = Wait.Token();
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var one = new PostgresDatabase(pg.ConnectionString);
        await using var other = new PostgresDatabase(pg.ConnectionString); // the second instance's own data source
        var queries = new LayoffDataQueries(_database.Database);
        var newWatch = new CompanyWatchFactory(queries, _time);
        var watches = new PostgresWatchStore(one);
        watches.TryAdd(newWatch.Create("slack", "C1", "Acme", "U1"));
        watches.TryAdd(newWatch.Create("slack", "C2", "Acme", "U1"));
        LayoffRowsFile.Import(_database.Database, ("Acme", 300, "2026-11-25"), ("Acme", 120, "2026-11-20"));
        var slackOne = new RecordingPublisher("slack", _time);
        var slackOther = new RecordingPublisher("slack", _time);
        var runners = new[]
        {
            Runner(slackOne, watches, queries,
                new WatchAlertLedger(new PostgresDeliveryLedger(one, _time, WatchAlertLedger.CollectionName))),
            Runner(slackOther, new PostgresWatchStore(other), queries,
                new WatchAlertLedger(new PostgresDeliveryLedger(other, _time, WatchAlertLedger.CollectionName))),
        };
        var due = watches.All().Sum(w => new WatchAlertFinder(queries).Due(w).Count);
        Assert.True(due >= 2, $"{due} alerts due");

        var posted = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunAsync(ct), ct)));

        Assert.Equal(due, posted.Sum());
        var posts = slackOne.Posts.Concat(slackOther.Posts).Select(p => (p.ChannelId, p.Reply.Text)).ToList();
        Assert.Equal(posts.Distinct().Count(), posts.Count);
        Assert.Equal(0, (await Task.WhenAll(runners.Select(r => r.RunAsync(ct)))).Sum()); // every round is now known to both
    }

    [Fact]
    public async Task An_alert_claimed_by_a_process_that_died_is_abandoned_not_repeated_and_a_failed_post_is_retried()
    {
        var ct = Wait.Token();
        var queries = new LayoffDataQueries(_database.Database);
        var watches = new LiteDbWatchStore(_database);
        var newWatch = new CompanyWatchFactory(queries, _time);
        var slack = new RecordingPublisher("slack", _time);
        watches.TryAdd(newWatch.Create("slack", "C1", "Acme", "U1"));
        watches.TryAdd(newWatch.Create("slack", "C2", "Acme", "U1"));
        LayoffRowsFile.Import(_database.Database, ("Acme", 300, "2026-11-25"));

        // A process claimed C1's alert and stopped before confirming it.
        var dead = Runner(slack, watches, queries);
        var due = new WatchAlertFinder(queries).Due(watches.InChannel("slack", "C1").Single()).Single();
        Assert.True(new WatchAlertLedger(_database, _time).TryClaim(due, dead.Owner));

        _time.Advance(TimeSpan.FromMinutes(5));
        var restarted = Runner(slack, watches, queries);
        restarted.ResolveAbandonedClaims(_time.GetUtcNow());
        slack.FailuresLeft = 1; // C2's first post fails as a platform error would
        Assert.Equal(0, await restarted.RunAsync(ct));
        Assert.Equal(1, await restarted.RunAsync(ct));

        Assert.Equal(["C2"], slack.Posts.Select(p => p.ChannelId));
        var states = new WatchAlertLedger(_database, _time).Entries.All().ToDictionary(e => e.ChannelId, e => e.State);
        Assert.Equal(DigestDeliveryState.Abandoned, states["C1"]);
        Assert.Equal(DigestDeliveryState.Sent, states["C2"]);
        Assert.Equal(0, await restarted.RunAsync(ct));
    }

    public void Dispose() => _database.Dispose();
}
