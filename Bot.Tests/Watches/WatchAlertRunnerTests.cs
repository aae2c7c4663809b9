using Bot.Host.Jobs;
using Bot.Knowledge.Digest;
using Bot.Knowledge.LayoffData;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Watches;
using Bot.Tests.Digest.Support;
using Bot.Tests.Discord.Support;
using Bot.Tests.Knowledge.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Watches;

/// <summary>The watch alert runner over a real LiteDB file with an in-test publisher: the digest's at-most-once rules.</summary>
public sealed class WatchAlertRunnerTests : IDisposable
{
    private readonly KnowledgeDatabase _database = KnowledgeDatabase.Open(TestDatabase.NewPath());
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private WatchAlertRunner Runner(RecordingPublisher publisher, WatchStore watches, LayoffDataQueries queries) =>
        new([publisher], watches, new WatchAlertFinder(queries), new WatchAlertLedger(_database, _time), new WatchAlertRenderer(new DocumentStore(_database, _time)),
            NullLogger<WatchAlertRunner>.Instance);

    [Fact]
    public async Task An_alert_claimed_by_a_process_that_died_is_abandoned_not_repeated_and_a_failed_post_is_retried()
    {
        var ct = Wait.Token();
        var queries = new LayoffDataQueries(_database.Database);
        var watches = new WatchStore(_database, queries, _time);
        var slack = new RecordingPublisher("slack", _time);
        watches.Add("slack", "C1", "Acme", "U1");
        watches.Add("slack", "C2", "Acme", "U1");
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
