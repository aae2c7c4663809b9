using System.Collections.Concurrent;

namespace Bot.Host.Discord.Rest;

/// <summary>
/// Maps routes to Discord's bucket hashes (learnt from <c>X-RateLimit-Bucket</c>) and keeps one
/// <see cref="RateLimitBucket"/> per hash and top-level resource, plus the global pause.
/// </summary>
internal sealed class BucketRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalPausedUntil;

    public RateLimitBucket BucketFor(DiscordRoute route)
    {
        var hash = _hashByRoute.TryGetValue(route.Key, out var known) ? known : route.Key;
        return _buckets.GetOrAdd(hash + "|" + route.MajorParameter, _ => new RateLimitBucket(time));
    }

    /// <summary>Waits for the global pause (if any), then for a slot in the route's bucket.</summary>
    public async Task WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_globalLock) wait = _globalPausedUntil - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        await BucketFor(route).WaitAsync(cancellationToken);
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
