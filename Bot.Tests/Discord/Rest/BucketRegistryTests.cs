using Bot.Host.Discord.Rest;

namespace Bot.Tests.Discord.Rest;

/// <summary>Rate-limit buckets on the fake clock: unknown windows let one request out at a time, idle buckets are forgotten.</summary>
public sealed class BucketRegistryTests
{
    private readonly FakeTimeProvider _time = new(TestTime.Utc("2026-01-05T10:00:00Z"));

    private static RateLimitHeaders Window(int remaining, double resetAfterSeconds) =>
        new(Limit: 5, Remaining: remaining, ResetAfter: TimeSpan.FromSeconds(resetAfterSeconds), Bucket: "abc123", Global: false,
            Scope: "user");

    /// <summary>Two requests on a new (unknown) bucket: the first has its slot, the second is still waiting for it.</summary>
    private async Task<(BucketRegistry Registry, DiscordRoute Route, IDisposable First, Task<IDisposable> Second)>
        TwoRequestsOnANewBucketAsync()
    {
        var registry = new BucketRegistry(_time);
        var route = DiscordRoute.CreateMessage("42");
        var first = await registry.WaitAsync(route, TestContext.Current.CancellationToken);
        var second = registry.WaitAsync(route, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted); // held on the semaphore while the first request's window is unknown
        return (registry, route, first, second);
    }

    [Fact]
    public async Task An_unknown_bucket_lets_one_request_through_until_its_headers_are_known()
    {
        var (registry, route, first, second) = await TwoRequestsOnANewBucketAsync();
        var ct = TestContext.Current.CancellationToken;

        registry.Update(route, Window(remaining: 3, resetAfterSeconds: 1));
        first.Dispose();
        using (await second) { }
        // With the window known, requests no longer wait for each other's headers.
        using var third = await registry.WaitAsync(route, ct);
        var fourth = registry.WaitAsync(route, ct);
        Assert.True(fourth.IsCompletedSuccessfully);
        (await fourth).Dispose();
    }

    [Fact]
    public async Task A_request_that_fails_before_its_headers_releases_the_bucket()
    {
        var (_, _, first, second) = await TwoRequestsOnANewBucketAsync();

        first.Dispose(); // e.g. the connection failed: no headers will come

        using (await second) { }
    }

    [Fact]
    public async Task Buckets_of_finished_interactions_are_evicted_once_idle()
    {
        var registry = new BucketRegistry(_time);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 100; i++)
        {
            var route = DiscordRoute.EditOriginalResponse("app", $"token-{i}");
            using (await registry.WaitAsync(route, ct)) registry.Update(route, Window(remaining: 4, resetAfterSeconds: 1));
        }
        var afterInteractions = registry.BucketCount;
        // one per token (and the first token's before its hash was known)
        Assert.True(afterInteractions >= 100, $"{afterInteractions} buckets");

        _time.Advance(TimeSpan.FromMinutes(19));
        registry.BucketFor(DiscordRoute.CreateMessage("42"));
        Assert.Equal(afterInteractions + 1, registry.BucketCount); // 19 minutes: a token may still be in use

        _time.Advance(TimeSpan.FromMinutes(2));
        registry.BucketFor(DiscordRoute.CreateMessage("42"));
        Assert.Equal(1, registry.BucketCount); // only the channel bucket just used is left
    }

    [Fact]
    public async Task A_bucket_with_a_request_waiting_is_not_evicted()
    {
        var registry = new BucketRegistry(_time);
        var route = DiscordRoute.CreateMessage("42");
        var ct = TestContext.Current.CancellationToken;
        var held = await registry.WaitAsync(route, ct); // unknown window: held until headers

        _time.Advance(TimeSpan.FromMinutes(30));
        registry.BucketFor(DiscordRoute.CreateMessage("other"));

        Assert.Equal(2, registry.BucketCount);
        held.Dispose();
    }
}
