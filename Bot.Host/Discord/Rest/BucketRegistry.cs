using System.Collections.Concurrent;

namespace Bot.Host.Discord.Rest;

/// <summary>
/// Maps routes to Discord's bucket hashes (learnt from <c>X-RateLimit-Bucket</c>) and keeps one
/// <see cref="RateLimitBucket"/> per hash and top-level resource, plus the global pause. Interaction
/// routes have a bucket per interaction token, so buckets idle for <see cref="IdleAfter"/> are evicted.
/// </summary>
internal sealed class BucketRegistry(TimeProvider time)
{
    /// <summary>Longer than an interaction token lives (15 minutes), so a bucket is not forgotten while its token can still be
    /// used.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, string> _hashByRoute = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalPausedUntil;
    private DateTimeOffset _nextSweep = time.GetUtcNow() + SweepInterval;

    /// <summary>How many buckets are kept now.</summary>
    public int BucketCount => _buckets.Count;

    public RateLimitBucket BucketFor(DiscordRoute route)
    {
        EvictIdleBuckets();
        var hash = _hashByRoute.TryGetValue(route.Key, out var known) ? known : route.Key;
        var bucket = _buckets.GetOrAdd(hash + "|" + route.MajorParameter, _ => new RateLimitBucket(time));
        bucket.Touch();
        return bucket;
    }

    /// <summary>Waits for the global pause (if any), then for a slot in the route's bucket; dispose the slot after <see
    /// cref="Update"/>.</summary>
    public async Task<IDisposable> WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_globalLock) wait = _globalPausedUntil - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        return await BucketFor(route).WaitAsync(cancellationToken);
    }

    private void EvictIdleBuckets()
    {
        var now = time.GetUtcNow();
        lock (_globalLock)
        {
            if (now < _nextSweep) return;
            _nextSweep = now + SweepInterval;
        }
        var cutoff = now - IdleAfter;
        foreach (var entry in _buckets)
            if (entry.Value.IsIdleSince(cutoff)) _buckets.TryRemove(entry); // only that instance, not a newer one
    }

    public void Update(DiscordRoute route, RateLimitHeaders headers)
    {
        if (headers.Bucket is { Length: > 0 } hash) _hashByRoute[route.Key] = hash;
        BucketFor(route).Update(headers);
    }

    public void PauseGlobal(TimeSpan retryAfter)
    {
        lock (_globalLock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _globalPausedUntil) _globalPausedUntil = until;
        }
    }
}
