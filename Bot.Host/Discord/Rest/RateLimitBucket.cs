namespace Bot.Host.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket: how many requests are left in the current window and when it
/// resets. Callers take a slot with <see cref="WaitAsync"/>, which waits on the injected clock
/// when the window is used up. While the window is unknown (a new bucket, or one whose window has
/// passed) only one request goes out, and the next waits until its response's headers are known:
/// otherwise any number of requests could go at once into a bucket that allows one.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _state = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    /// <summary>When a caller last asked for this bucket; idle buckets are evicted by the registry.</summary>
    public DateTimeOffset LastUsed { get; private set; } = time.GetUtcNow();

    /// <summary>Nobody holds or waits for a slot, and the window has passed: forgetting the bucket loses nothing.</summary>
    public bool IsIdleSince(DateTimeOffset cutoff)
    {
        lock (_state) return _gate.CurrentCount == 1 && LastUsed < cutoff && _resetAt < cutoff;
    }

    public void Touch()
    {
        lock (_state) LastUsed = time.GetUtcNow();
    }

    /// <summary>
    /// Waits for a slot. Dispose the slot once the response's headers have been applied
    /// (<see cref="Update"/>): for an unknown window it holds the bucket until then.
    /// </summary>
    public async Task<IDisposable> WaitAsync(CancellationToken cancellationToken)
    {
        // One waiter at a time, so requests leave in order once the window reopens.
        await _gate.WaitAsync(cancellationToken);
        var holdUntilHeaders = false;
        try
        {
            TimeSpan wait;
            lock (_state)
            {
                var now = time.GetUtcNow();
                if (_resetAt <= now) _remaining = null; // the window passed; the next response tells us the new one
                wait = _remaining is 0 ? _resetAt - now : TimeSpan.Zero;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            lock (_state)
            {
                if (_resetAt <= time.GetUtcNow()) _remaining = null;
                if (_remaining > 0) _remaining--;
                holdUntilHeaders = _remaining is null;
            }
            return new Slot(holdUntilHeaders ? _gate : null);
        }
        finally
        {
            if (!holdUntilHeaders) _gate.Release();
        }
    }

    /// <summary>Takes the window from a response's headers.</summary>
    public void Update(RateLimitHeaders headers)
    {
        if (headers.Remaining is not { } remaining || headers.ResetAfter is not { } resetAfter) return;
        lock (_state)
        {
            _remaining = remaining;
            _resetAt = time.GetUtcNow() + resetAfter;
        }
    }

    /// <summary>A 429 for this bucket: nothing may go out until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        lock (_state)
        {
            _remaining = 0;
            var until = time.GetUtcNow() + retryAfter;
            if (until > _resetAt) _resetAt = until;
        }
    }

    /// <summary>A taken slot; releases the bucket once if it was held for the response's headers.</summary>
    private sealed class Slot(SemaphoreSlim? held) : IDisposable
    {
        private SemaphoreSlim? _held = held;

        public void Dispose() => Interlocked.Exchange(ref _held, null)?.Release();
    }
}
