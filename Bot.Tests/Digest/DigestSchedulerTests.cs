using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.Digest;

/// <summary>The digest scheduler service over a real LiteDB file (or PostgreSQL ledger), a fake clock and in-test publishers.</summary>
public sealed class DigestSchedulerTests : IDisposable
{
    private readonly KnowledgeDatabase _database = KnowledgeDatabase.Open(TestDatabase.NewPath());

    public void Dispose() => _database.Dispose();

    /// <summary>Daily at 09:00, to Discord channels 111 and 222 and Slack channel C0DIGEST unless the test names others.</summary>
    private static DigestOptions Options(string zone = "UTC", List<string>? discord = null, List<string>? slack = null) => new()
    {
        Cron = "0 9 * * *", TimeZone = zone, Channels = { ["discord"] = discord ?? ["111", "222"], ["slack"] = slack ?? ["C0DIGEST"] },
    };

    [Fact]
    public async Task Posts_at_nine_New_York_time_on_both_sides_of_the_spring_DST_change()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-03-07T12:00:00Z"));
        var discord = new RecordingPublisher("discord", time);
        await using var rig = new SchedulerRig(_database, time, Options("America/New_York", discord: ["111"], slack: []), discord);
        await rig.StartAsync(ct);

        await Wait.AdvanceToAsync(time, Utc("2026-03-07T13:59:00Z"), () => true, ct);
        await time.SleepersAsync(1, ct); // the scheduler saw this instant and went back to sleep
        Assert.Empty(discord.Posts);

        await Wait.AdvanceToAsync(time, Utc("2026-03-07T14:00:00Z"), () => discord.Posts.Count == 1, ct);
        await Wait.AdvanceToAsync(time, Utc("2026-03-08T12:59:00Z"), () => true, ct);
        await time.SleepersAsync(1, ct); // the scheduler saw this instant and went back to sleep
        Assert.Single(discord.Posts);
        await Wait.AdvanceToAsync(time, Utc("2026-03-08T13:00:00Z"), () => discord.Posts.Count == 2, ct);

        // 09:00 EST = 14:00 UTC, then 09:00 EDT = 13:00 UTC; each post happened within a minute of its fire time.
        var ends = rig.Ledger.All().OrderBy(e => e.PeriodEnd).Select(e => Utc(e.PeriodEnd.ToUniversalTime().ToString("O"))).ToList();
        Assert.Equal([Utc("2026-03-07T14:00:00Z"), Utc("2026-03-08T13:00:00Z")], ends);
        Assert.InRange(discord.Posts[0].At, Utc("2026-03-07T14:00:00Z"), Utc("2026-03-07T14:01:00Z"));
        Assert.InRange(discord.Posts[1].At, Utc("2026-03-08T13:00:00Z"), Utc("2026-03-08T13:01:00Z"));
        // The second digest starts where the first ended: 23 hours on the day clocks spring forward.
        var second = rig.Ledger.Get("discord", "111", Utc("2026-03-08T13:00:00Z"))!;
        Assert.Equal(Utc("2026-03-07T14:00:00Z"), new DateTimeOffset(second.PeriodStart.ToUniversalTime(), TimeSpan.Zero));
    }

    [Fact]
    public async Task A_channel_subscribed_by_command_gets_the_next_digest_and_none_after_unsubscribing()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var slack = new RecordingPublisher("slack", time);
        // C0CONFIG is the witness: its post shows that a fire time was handled.
        await using var rig = new SchedulerRig(_database, time, Options(discord: [], slack: ["C0CONFIG"]), slack);
        await rig.StartAsync(ct);

        Assert.True(rig.Subscriptions.Subscribe("slack", "C0SUB", "U1"));
        Assert.False(rig.Subscriptions.Subscribe("slack", "C0SUB", "U1"));
        // The ledger marks a digest sent just after the post returns: wait for both, not only for the post.
        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:00:00Z"), () => slack.Posts.Count == 2
            && rig.Ledger.Get("slack", "C0SUB", Utc("2026-11-27T09:00:00Z"))?.State == DigestDeliveryState.Sent, ct);
        Assert.Equal(["C0CONFIG", "C0SUB"], slack.Posts.Select(p => p.ChannelId).Order());

        Assert.True(rig.Subscriptions.Unsubscribe("slack", "C0SUB"));
        await Wait.AdvanceToAsync(time, Utc("2026-11-28T09:00:00Z"), () => slack.Posts.Count(p => p.ChannelId == "C0CONFIG") == 2, ct);
        Assert.Single(slack.Posts, p => p.ChannelId == "C0SUB");
        Assert.Null(rig.Ledger.Get("slack", "C0SUB", Utc("2026-11-28T09:00:00Z")));
    }

    [Fact]
    public async Task Two_schedulers_in_one_process_over_one_LiteDB_file_post_once_per_channel()
    {
        // LiteDB is one process (a second process on the file waits, then stops): two schedulers here share its one
        // LiteDatabase. Several instances need PostgreSQL: the test below.
        await TwoSchedulersPostOnceAsync(time => (new DigestLedger(_database, time), new LiteDbDigestSubscriptionStore(_database, time)));
    }

    [Fact]
    public async Task Two_scheduler_instances_each_with_its_own_PostgreSQL_connections_post_once_per_channel()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var opened = new List<PostgresDatabase>();
        try
        {
            await TwoSchedulersPostOnceAsync(time =>
            {
                // An instance's own data source and pool, as a second process would have.
                var instance = new PostgresDatabase(pg.ConnectionString);
                opened.Add(instance);
                return (new DigestLedger(new PostgresDeliveryLedger(instance, time, DigestLedger.CollectionName)),
                    new PostgresDigestSubscriptionStore(instance, time));
            });
        }
        finally
        {
            foreach (var instance in opened) await instance.DisposeAsync();
        }
    }

    private async Task TwoSchedulersPostOnceAsync(
        Func<TimeProvider, (DigestLedger Ledger, IDigestSubscriptionStore Subscriptions)> instanceState)
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var discordA = new RecordingPublisher("discord", time);
        var slackA = new RecordingPublisher("slack", time);
        var discordB = new RecordingPublisher("discord", time);
        var slackB = new RecordingPublisher("slack", time);
        var (ledgerA, subscriptionsA) = instanceState(time);
        var (ledgerB, subscriptionsB) = instanceState(time);
        await using var a = new SchedulerRig(_database, time, Options(), ledgerA, subscriptionsA, discordA, slackA);
        await using var b = new SchedulerRig(_database, time, Options(), ledgerB, subscriptionsB, discordB, slackB);
        await a.StartAsync(ct);
        await b.StartAsync(ct);

        int Total() => discordA.Posts.Count + discordB.Posts.Count + slackA.Posts.Count + slackB.Posts.Count;
        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:00:00Z"), () => Total() == 3, ct);
        await time.SleepersAsync(2, ct); // both schedulers are done with 09:00 and asleep
        time.Advance(TimeSpan.FromMinutes(5));
        await time.SleepersAsync(2, ct);

        Assert.Equal(3, Total());
        var channels = discordA.Posts.Concat(discordB.Posts).Select(p => p.ChannelId).Order().ToList();
        Assert.Equal(["111", "222"], channels);
        Assert.Single(slackA.Posts.Concat(slackB.Posts));
        Assert.All(b.Ledger.All(), e => Assert.Equal(DigestDeliveryState.Sent, e.State));
        Assert.Equal(3, a.Ledger.All().Count);
    }

    [Fact]
    public async Task Racing_passes_of_two_runners_in_one_process_at_the_same_instant_claim_each_channel_once()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var publishers = Enumerable.Range(0, 4).Select(i => new RecordingPublisher(i % 2 == 0 ? "discord" : "slack", time)).ToArray();
        await using var a = new SchedulerRig(_database, time, Options(), publishers[0], publishers[1]);
        await using var b = new SchedulerRig(_database, time, Options(), publishers[2], publishers[3]);
        var started = time.GetUtcNow();
        time.SetUtcNow(Utc("2026-11-27T09:00:00Z"));

        await Task.WhenAll(Task.Run(() => a.Runner.RunDueAsync(started, ct), ct), Task.Run(() => b.Runner.RunDueAsync(started, ct), ct));

        Assert.Equal(3, publishers.Sum(p => p.Posts.Count));
        Assert.Equal(3, a.Ledger.All().Count(e => e.State == DigestDeliveryState.Sent));
    }

    [Fact]
    public async Task A_restart_after_a_crash_between_claim_and_send_posts_no_duplicate_and_logs_the_abandoned_digest()
    {
        var ct = Wait.Token();
        var path = TestDatabase.NewPath();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var options = Options(discord: ["111"], slack: []);

        using (var database = KnowledgeDatabase.Open(path))
        {
            var dying = new RecordingPublisher("discord", time) { Hang = true };
            var first = new SchedulerRig(database, time, options, dying);
            await first.StartAsync(ct);
            time.SetUtcNow(Utc("2026-11-27T09:00:00Z"));
            await dying.Entered.Task.WaitAsync(ct);
            await first.DisposeAsync(); // the process dies mid-send
            Assert.Equal(DigestDeliveryState.Claimed, first.Ledger.Get("discord", "111", Utc("2026-11-27T09:00:00Z"))!.State);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        using (var database = KnowledgeDatabase.Open(path))
        {
            var publisher = new RecordingPublisher("discord", time);
            await using var restarted = new SchedulerRig(database, time, options, publisher);
            await restarted.StartAsync(ct);
            await time.SleepersAsync(1, ct); // it resolved the abandoned claim and is asleep
            time.Advance(TimeSpan.FromMinutes(5));
            await time.SleepersAsync(1, ct);

            Assert.Empty(publisher.Posts);
            var entry = restarted.Ledger.Get("discord", "111", Utc("2026-11-27T09:00:00Z"))!;
            Assert.Equal(DigestDeliveryState.Abandoned, entry.State);
            Assert.Contains(restarted.Logs.Lines,
                l => l.Level == LogLevel.Warning && l.Message.Contains("NOT re-posted", StringComparison.Ordinal));

            // The next day's digest goes out as usual and starts where the abandoned one ended.
            await Wait.AdvanceToAsync(time, Utc("2026-11-28T09:00:00Z"), () => publisher.Posts.Count == 1
                && restarted.Ledger.Get("discord", "111", Utc("2026-11-28T09:00:00Z"))?.State == DigestDeliveryState.Sent, ct);
            var next = restarted.Ledger.Get("discord", "111", Utc("2026-11-28T09:00:00Z"))!;
            Assert.Equal(Utc("2026-11-27T09:00:00Z"), new DateTimeOffset(next.PeriodStart.ToUniversalTime(), TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task After_three_days_down_one_digest_covers_the_whole_missed_period()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-22T10:00:00Z"));
        var options = Options(discord: ["111"], slack: []);
        LayoffRowsFile.Import(_database.Database, ("Acme", 120, "2026-11-23"), ("Globex", 300, "2026-11-24"), ("Initech", 45, "2026-11-25"),
            ("Umbrella", 80, "2026-11-26"));

        var publisher = new RecordingPublisher("discord", time);
        var first = new SchedulerRig(_database, time, options, publisher);
        await first.StartAsync(ct);
        await Wait.AdvanceToAsync(time, Utc("2026-11-23T09:00:00Z"), () => publisher.Posts.Count == 1, ct);
        await first.DisposeAsync(); // down from Monday 09:00 ...

        time.SetUtcNow(Utc("2026-11-26T15:00:00Z")); // ... to Thursday 15:00: three fire times missed
        var later = new RecordingPublisher("discord", time);
        await using var restarted = new SchedulerRig(_database, time, options, later);
        await restarted.StartAsync(ct);
        await Wait.AdvanceToAsync(time, time.GetUtcNow(), () => later.Posts.Count == 1, ct);
        time.Advance(TimeSpan.FromHours(1));
        await time.SleepersAsync(1, ct); // the scheduler saw this instant and went back to sleep

        var post = Assert.Single(later.Posts);
        // Rows dated Mon, Tue and Wed are in it; Thursday's row belongs to the next digest.
        var text = string.Join("\n", post.Reply.Lines);
        Assert.Contains("Acme", text);
        Assert.Contains("Globex", text);
        Assert.Contains("Initech", text);
        Assert.DoesNotContain("Umbrella", text);
        Assert.Contains("3 layoff events", post.Reply.Text);
        var entry = restarted.Ledger.Get("discord", "111", Utc("2026-11-26T09:00:00Z"))!;
        Assert.Equal(Utc("2026-11-23T09:00:00Z"), new DateTimeOffset(entry.PeriodStart.ToUniversalTime(), TimeSpan.Zero));
        Assert.Equal(2, restarted.Ledger.All().Count);
    }

    [Fact]
    public async Task A_channel_that_cannot_be_posted_to_is_logged_and_skipped_while_the_others_get_the_digest()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var discord = new RecordingPublisher("discord", time);
        discord.UnavailableChannels.Add("111");
        var slack = new RecordingPublisher("slack", time);
        await using var rig = new SchedulerRig(_database, time, Options(), discord, slack);
        await rig.StartAsync(ct);

        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:00:00Z"), () => discord.Posts.Count == 1 && slack.Posts.Count == 1
            && rig.Ledger.Get("discord", "111", Utc("2026-11-27T09:00:00Z"))?.State == DigestDeliveryState.Failed, ct);

        Assert.Equal("222", Assert.Single(discord.Posts).ChannelId);
        Assert.Contains(rig.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("channel 111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_the_platform_refused_is_released_and_retried_five_minutes_later_once()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var discord = new RecordingPublisher("discord", time) { FailuresLeft = 1 };
        await using var rig = new SchedulerRig(_database, time, Options(discord: ["111"], slack: []), discord);
        await rig.StartAsync(ct);

        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:00:00Z"),
            () => rig.Logs.Lines.Any(l => l.Level == LogLevel.Error && l.Message.Contains("claim is released", StringComparison.Ordinal)),
                ct);
        Assert.Empty(rig.Ledger.All());
        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:04:00Z"), () => true, ct);
        await time.SleepersAsync(1, ct); // the scheduler saw this instant and went back to sleep
        Assert.Empty(discord.Posts);

        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:05:00Z"), () => discord.Posts.Count == 1, ct);
        time.Advance(TimeSpan.FromMinutes(10));
        await time.SleepersAsync(1, ct); // the scheduler saw this instant and went back to sleep
        Assert.Single(discord.Posts);
        Assert.Equal(DigestDeliveryState.Sent, rig.Ledger.Get("discord", "111", Utc("2026-11-27T09:00:00Z"))!.State);
    }

    [Fact]
    public async Task An_empty_period_posts_one_line_or_nothing_with_SkipEmpty()
    {
        var ct = Wait.Token();
        var time = new WatchedClock(Utc("2026-11-26T10:00:00Z"));
        var posting = new RecordingPublisher("discord", time);
        var skipping = new RecordingPublisher("slack", time);
        var skipOptions = Options(discord: []);
        skipOptions.SkipEmpty = true;
        await using var a = new SchedulerRig(_database, time, Options(discord: ["111"], slack: []), posting);
        await using var b = new SchedulerRig(_database, time, skipOptions, skipping);
        await a.StartAsync(ct);
        await b.StartAsync(ct);

        await Wait.AdvanceToAsync(time, Utc("2026-11-27T09:00:00Z"),
            () => posting.Posts.Count == 1 && b.Ledger.Get("slack", "C0DIGEST", Utc("2026-11-27T09:00:00Z"))?.State
                == DigestDeliveryState.Skipped, ct);

        var reply = Assert.Single(posting.Posts).Reply;
        Assert.Equal("No new layoffs reported since November 26, 2026.", reply.Text);
        Assert.Empty(reply.Lines);
        Assert.Null(reply.Image);
        Assert.Empty(skipping.Posts);
    }
}
