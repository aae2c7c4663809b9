namespace Bot.Tests.State;

/// <summary>The delivery ledger's promises, the same for LiteDB (one process) and PostgreSQL (several instances).</summary>
public abstract class DeliveryLedgerContract : StateContract
{
    private static readonly DigestPeriod Week = new(Start.AddDays(-7), Start);

    [Fact]
    public void A_post_is_claimed_once_then_completed_with_its_message_id()
    {
        var ledger = new DigestLedger(Backend.DeliveryLedger(Time));

        Assert.True(ledger.TryClaim("slack", "C1", Week, "a"));
        Assert.False(ledger.TryClaim("slack", "C1", Week, "b"));
        Assert.True(ledger.TryClaim("discord", "C1", Week, "b")); // another platform's channel is another post
        ledger.MarkSent("slack", "C1", Week, "1700000000.000100");

        var entry = ledger.Get("slack", "C1", Week.To)!;
        Assert.Equal((DigestDeliveryState.Sent, "1700000000.000100", "a"), (entry.State, entry.MessageId, entry.Owner));
        Assert.Equal(Week.To, DeliveryLedgerEntry.Utc(entry.PeriodEnd));
        Assert.Equal(Week.To, ledger.LastCoveredEnd("slack", "C1"));
        Assert.Equal("slack", ledger.LatestSent()!.Platform);
        Assert.Null(ledger.LastCoveredEnd("slack", "C2"));
    }

    [Fact]
    public void A_released_claim_can_be_claimed_again_and_a_failed_one_cannot()
    {
        var ledger = new DigestLedger(Backend.DeliveryLedger(Time));
        var later = new DigestPeriod(Week.To, Week.To.AddDays(7));
        Assert.True(ledger.TryClaim("slack", "C1", Week, "a"));
        Assert.True(ledger.TryClaim("slack", "C1", later, "a"));

        Assert.True(ledger.Release("slack", "C1", Week));
        ledger.MarkFailed("slack", "C1", later, "channel_not_found");

        Assert.True(ledger.TryClaim("slack", "C1", Week, "b"));
        Assert.False(ledger.TryClaim("slack", "C1", later, "b"));
        var failed = ledger.Get("slack", "C1", later.To)!;
        Assert.Equal(("channel_not_found", DigestDeliveryState.Failed), (failed.Note, failed.State));
    }

    [Fact]
    public void A_claim_a_stopped_process_left_is_abandoned_once_and_never_claimable_again()
    {
        var ledgers = new[] { Backend.DeliveryLedger(Time), Backend.DeliveryLedger(Time) };
        Assert.True(ledgers[0].TryClaim("old", "slack", "C1", Week.From, Week.To, "stopped"));
        Assert.True(ledgers[0].TryClaim("done", "slack", "C2", Week.From, Week.To, "stopped"));
        ledgers[0].Complete("done", DigestDeliveryState.Sent, "m1", null);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.True(ledgers[1].TryClaim("mine", "slack", "C3", Week.From, Week.To, "restarted"));
        Time.Advance(TimeSpan.FromMinutes(1));

        var abandoned = ledgers[1].AbandonStaleClaims("restarted", Time.GetUtcNow());

        Assert.Equal(["old"], abandoned.Select(e => e.Id));
        Assert.Empty(ledgers[0].AbandonStaleClaims("restarted", Time.GetUtcNow())); // a second instance starting finds nothing more
        Assert.Equal(DigestDeliveryState.Abandoned, ledgers[0].Get("old")!.State);
        Assert.Equal(DigestDeliveryState.Sent, ledgers[0].Get("done")!.State);
        Assert.Equal(DigestDeliveryState.Claimed, ledgers[0].Get("mine")!.State);
        Assert.False(ledgers[1].TryClaim("old", "slack", "C1", Week.From, Week.To, "restarted"));
        Assert.Equal([DigestDeliveryState.Abandoned], ledgers[1].InState(DigestDeliveryState.Abandoned).Select(e => e.State));
    }

    [Fact]
    public void Two_ledgers_keep_apart_and_each_lists_a_channels_posts()
    {
        var digests = Backend.DeliveryLedger(Time, DigestLedger.CollectionName);
        var alerts = Backend.DeliveryLedger(Time, WatchAlertLedger.CollectionName);
        Assert.True(digests.TryClaim("slack:C1:x", "slack", "C1", Week.From, Week.To, "a"));
        Assert.True(alerts.TryClaim("slack:C1:x", "slack", "C1", Week.From, Week.To, "a"));
        Assert.True(alerts.TryClaim("slack:C2:x", "slack", "C2", Week.From, Week.To, "a"));

        Assert.Single(digests.All());
        Assert.Equal(["slack:C1:x"], alerts.ForChannel("slack", "C1").Select(e => e.Id));
        Assert.Empty(alerts.ForChannel("discord", "C1"));
    }

    [Fact]
    public async Task Ledgers_racing_for_the_same_digest_period_claim_it_once()
    {
        // Eight ledgers at once for each of 20 periods: over PostgreSQL each has its own data source, as instances would.
        var ledgers = Enumerable.Range(0, 8).Select(_ => new DigestLedger(Backend.DeliveryLedger(Time))).ToList();
        for (var week = 0; week < 20; week++)
        {
            var period = new DigestPeriod(Week.From.AddDays(7 * week), Week.To.AddDays(7 * week));
            var wins = await RaceAsync(ledgers
                .Select((l, i) => (Func<bool>)(() => l.TryClaim("discord", "111", period, $"instance-{i}"))).ToList());
            Assert.Equal(1, wins.Count(w => w));
        }
        Assert.Equal(20, ledgers[0].All().Count);
    }
}

public sealed class LiteDbDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.LiteDbAsync();
}

public sealed class PostgresDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.PostgresAsync();

    [Fact]
    public void A_claim_another_instance_made_minutes_ago_is_in_flight_not_abandoned()
    {
        var running = Backend.DeliveryLedger(Time);
        Assert.True(running.TryClaim("in-flight", "slack", "C1", Start, Start, "running"));
        Time.Advance(TimeSpan.FromMinutes(1));

        var starting = Backend.DeliveryLedger(Time);
        Assert.Empty(starting.AbandonStaleClaims("starting", Time.GetUtcNow()));
        running.Complete("in-flight", DigestDeliveryState.Sent, "m1", null);

        Assert.Equal(DigestDeliveryState.Sent, starting.Get("in-flight")!.State);
    }
}
