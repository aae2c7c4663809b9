using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Digest;

/// <summary>Feed polling against a loopback feed server, on a fake clock.</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private readonly FakeTimeProvider _time = new(TestTime.Utc("2026-11-26T10:00:00Z"));
    private readonly TempKnowledgeBase _kb;
    private FeedServer _server = null!;

    public FeedPollerTests() =>
        _kb = new TempKnowledgeBase(new Dictionary<string, string?> { ["Knowledge:AllowPrivateAddresses"] = "true" }, _time);

    private FeedPoller NewPoller() =>
        new(_kb.Services.Get<SafeHttpFetcher>(), _kb.Services.Get<IngestionPipeline>(), new LiteFeedStateStore(_kb.Database), _time,
            NullLogger<FeedPoller>.Instance);

    /// <summary>Each test's loopback feed server serves two feeds: "tech" with two articles, "biz" with one.</summary>
    public async ValueTask InitializeAsync()
    {
        _server = await FeedServer.StartAsync(Wait.Token(20));
        _server.AddItem("tech", "acme-cuts", "Acme cuts 120 jobs",
            "Acme said on Thursday it will cut 120 jobs, about 10% of its staff, because demand for its rockets slowed.");
        _server.AddItem("tech", "globex-cuts", "Globex lays off 300",
            "Globex is laying off 300 employees as part of a restructuring to focus on its core business.");
        _server.AddItem("biz", "initech-cuts", "Initech trims staff",
            "Initech will trim 45 roles in its printer division amid a downturn in office spending.");
    }

    [Fact]
    public async Task New_items_are_ingested_then_a_304_brings_nothing_and_a_failing_feed_backs_off_without_stopping_the_other()
    {
        var ct = Wait.Token(20);
        _server.Fail("biz", 2);
        var feeds = new[] { _server.FeedUrl("biz"), _server.FeedUrl("tech") };
        var poller = NewPoller();

        var first = await poller.PollDueAsync(feeds, Interval, ct);
        Assert.Equal(2, first.Single(r => r.Url == _server.FeedUrl("tech")).NewItems);
        Assert.Contains("500", first.Single(r => r.Url == _server.FeedUrl("biz")).Error);
        Assert.Equal(2, _kb.Database.Documents.Count());
        var biz = poller.States(feeds)[0];
        Assert.Equal(1, biz.ConsecutiveFailures);
        Assert.Equal(_time.GetUtcNow().AddMinutes(1).UtcDateTime, biz.NextAttemptAt.ToUniversalTime());

        // One minute on: only the failing feed is due; it fails again and waits twice as long.
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await poller.PollDueAsync(feeds, Interval, ct);
        Assert.Equal([_server.FeedUrl("biz")], second.Select(r => r.Url));
        Assert.Equal(2, poller.States(feeds)[0].ConsecutiveFailures);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await poller.PollDueAsync(feeds, Interval, ct));
        _time.Advance(TimeSpan.FromMinutes(1));
        var third = await poller.PollDueAsync(feeds, Interval, ct);
        Assert.Equal(1, Assert.Single(third).NewItems);
        Assert.Equal(0, poller.States(feeds)[0].ConsecutiveFailures);
        Assert.Null(poller.States(feeds)[0].LastError);
        Assert.Equal(3, _kb.Database.Documents.Count());

        // At the next interval the unchanged feed is asked conditionally and answers 304.
        _time.Advance(Interval);
        var fourth = await poller.PollDueAsync(feeds, Interval, ct);
        Assert.True(fourth.Single(r => r.Url == _server.FeedUrl("tech")).NotModified);
        var techRequests = _server.RequestsFor("tech");
        Assert.Equal("", techRequests[0].IfNoneMatch);
        Assert.Equal("\"tech-v2\"", techRequests[^1].IfNoneMatch);
        Assert.Equal("Thu, 26 Nov 2026 08:00:00 GMT", techRequests[^1].IfModifiedSince);
        Assert.Equal(3, _kb.Database.Documents.Count());

        // A new item changes the ETag: only the new item is ingested (the others are already stored).
        _server.AddItem("tech", "hooli-cuts", "Hooli cuts 80", "Hooli is cutting 80 jobs because its new phone sold poorly.");
        _time.Advance(Interval);
        var fifth = await poller.PollDueAsync(feeds, Interval, ct);
        Assert.Equal(1, fifth.Single(r => r.Url == _server.FeedUrl("tech")).NewItems);
        Assert.Equal(4, _kb.Database.Documents.Count());
    }

    [Fact]
    public async Task An_item_whose_page_failed_is_retried_at_the_next_poll_instead_of_hidden_behind_a_304()
    {
        var ct = Wait.Token(20);
        _server.BrokenArticles["globex-cuts"] = true;
        var feeds = new[] { _server.FeedUrl("tech") };
        var poller = NewPoller();

        Assert.Equal(1, Assert.Single(await poller.PollDueAsync(feeds, Interval, ct)).NewItems);
        Assert.Null(poller.States(feeds)[0].ETag);
        _server.BrokenArticles.Clear();
        _time.Advance(Interval);

        var retry = Assert.Single(await poller.PollDueAsync(feeds, Interval, ct));
        Assert.False(retry.NotModified);
        Assert.Equal(1, retry.NewItems);
        Assert.Equal("", _server.RequestsFor("tech")[^1].IfNoneMatch);
        Assert.Equal(2, _kb.Database.Documents.Count());
        Assert.Equal("\"tech-v2\"", poller.States(feeds)[0].ETag);
    }

    [Fact]
    public async Task The_polling_service_keeps_polling_and_health_lists_each_feed_with_its_last_error()
    {
        var ct = Wait.Token(20);
        _server.Fail("biz", 1000);
        var options = Options.Create(new KnowledgeOptions
            { Feeds = [_server.FeedUrl("tech"), _server.FeedUrl("biz")], PollInterval = Interval });
        var poller = NewPoller();
        var health = new FeedHealthReporter("feeds", poller, o => o.Feeds, options);
        using var service = new FeedPollingService(poller, o => o.Feeds, options, _time, NullLogger<FeedPollingService>.Instance);
        await service.StartAsync(ct);

        await Wait.AdvanceToAsync(_time, _time.GetUtcNow(),
            () => poller.States(options.Value.Feeds)[1].ConsecutiveFailures >= 1 && _kb.Database.Documents.Count() == 2, ct);
        Assert.False(health.IsHealthy);
        var described = JsonSerializer.Serialize(health.Describe());
        Assert.Contains("\"status\":\"new\"", described);
        Assert.Contains("\"status\":\"failed\"", described);
        Assert.Contains("HTTP 500", described);

        // The failing feed is retried on its backoff (1, 2, 4 minutes ...) while the other waits its interval.
        await Wait.AdvanceToAsync(_time, _time.GetUtcNow().AddMinutes(8),
            () => poller.States(options.Value.Feeds)[1].ConsecutiveFailures >= 4, ct, nudge: TimeSpan.FromSeconds(15));
        Assert.Single(_server.RequestsFor("tech"));
        await Wait.AdvanceToAsync(_time, _time.GetUtcNow().AddMinutes(30), () => _server.RequestsFor("tech").Count == 2, ct);
        await service.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _kb.Dispose();
    }
}
