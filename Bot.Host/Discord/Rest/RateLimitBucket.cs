namespace Bot.Host.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket: how many requests are left in the current window and when it
/// resets. Callers take a slot with <see cref="WaitAsync"/>, which waits on the injected clock
/// when the window is used up.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _state = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        // One waiter at a time, so requests leave in order once the window reopens.
        await _gate.WaitAsync(cancellationToken);
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
            }
        }
        finally { _gate.Release(); }
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
}
