using Bot.Host.Discord.Gateway.Protocol;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// Discord's IDENTIFY limits, shared by every shard of this process: shards with the same
/// <c>id % max_concurrency</c> (one "bucket") identify one at a time and at least 5 s apart, and no shard
/// identifies while <c>session_start_limit.remaining</c> is used up (a new session waits for <c>reset_after</c>).
/// RESUME is not limited and never passes through here. With <paramref name="shared"/> (PostgreSQL) a bucket is also
/// claimed in the database, so instances running other shards of the bot keep the 5 s between them too; the daily
/// budget stays per process (Discord's <c>session_start_limit</c> already counts every instance's identifies).
/// </summary>
internal sealed class GatewayIdentifyGate(TimeProvider time, ISharedIdentifyBuckets? shared = null)
{
    public static readonly TimeSpan BucketInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, IdentifyBucket> _buckets = [];
    private int? _remaining;
    private int _total;
    private DateTimeOffset _resetAt;

    /// <summary>
    /// A fresh <c>session_start_limit</c>. Within one reset window the lower of Discord's count and ours is kept:
    /// Discord's may include other instances' identifies, ours those not yet counted when it answered.
    /// </summary>
    public void Observe(SessionStartLimit limit)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _remaining = _remaining is { } ours && now < _resetAt ? Math.Min(ours, limit.Remaining) : limit.Remaining;
            _total = limit.Total;
            _resetAt = now + TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
        }
    }

    /// <summary>
    /// Waits until <paramref name="shardId"/> may identify and reserves one IDENTIFY of the budget. The turn holds the
    /// bucket until disposed; call <see cref="IdentifyTurn.Sent"/> once IDENTIFY is on the wire.
    /// </summary>
    /// <param name="onBudgetWait">Told how long the wait is when the daily budget is used up (for health and logs).</param>
    public async Task<IdentifyTurn> WaitTurnAsync(
        int shardId, int maxConcurrency, Action<TimeSpan> onBudgetWait, CancellationToken cancellationToken)
    {
        IdentifyBucket bucket;
        lock (_lock)
        {
            var key = shardId % Math.Max(1, maxConcurrency);
            if (!_buckets.TryGetValue(key, out bucket!)) _buckets[key] = bucket = new IdentifyBucket(key);
        }
        await bucket.Turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                var forBudget = false;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    if (_remaining <= 0 && _resetAt > now)
                    {
                        wait = _resetAt - now;
                        forBudget = true;
                    }
                    else if (bucket.LastIdentify + BucketInterval > now)
                        wait = bucket.LastIdentify + BucketInterval - now;
                    else wait = TimeSpan.Zero;
                }
                if (wait == TimeSpan.Zero)
                {
                    var now = time.GetUtcNow();
                    if (shared is null || await shared.TryClaimAsync(bucket.Key, now, cancellationToken) is not { } retryAt)
                    {
                        lock (_lock)
                        {
                            // The reset has passed when the count is still at zero: the day's budget is whole again.
                            _remaining = _remaining <= 0 ? _total - 1 : _remaining - 1;
                            return new IdentifyTurn(this, bucket);
                        }
                    }
                    // Another instance identified in this bucket, or is connecting to.
                    wait = retryAt - now;
                    if (wait <= TimeSpan.Zero) continue;
                }
                if (forBudget) onBudgetWait(wait);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            bucket.Turn.Release();
            throw;
        }
    }

    internal void Sent(IdentifyBucket bucket)
    {
        var now = time.GetUtcNow();
        lock (_lock) bucket.LastIdentify = now;
        shared?.Sent(bucket.Key, now);
    }

    /// <summary>The connection ended before IDENTIFY was sent: the reserved IDENTIFY goes back to the budget.</summary>
    internal void Unused(IdentifyBucket bucket)
    {
        lock (_lock)
            if (_remaining is { } remaining) _remaining = remaining + 1;
        shared?.Unused(bucket.Key, time.GetUtcNow());
    }
}
