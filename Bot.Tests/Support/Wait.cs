namespace Bot.Tests.Support;

/// <summary>The waits of the tests: every one is bounded, and clock-driven waits move only the fake clock.</summary>
public static class Wait
{
    /// <summary>
    /// The xunit token plus a hard ceiling, so a hung exchange fails instead of stalling CI; 30 s because a loaded
    /// 2-core machine running the whole suite has taken over 10 s to start a host.
    /// </summary>
    public static CancellationToken Token(int seconds = 30)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(seconds));
        return source.Token;
    }

    /// <summary>Waits (bounded by the token) for state that has no signal of its own, e.g. a status flag.</summary>
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition()) await Task.Delay(10, cancellationToken);
    }

    /// <summary>
    /// Moves the fake clock on in steps until <paramref name="task"/> completes, for waits (Retry-After, backoff,
    /// pacing) whose timer may not exist yet when the test gets here. Returns how much fake time passed.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(
        FakeTimeProvider time, Task task, TimeSpan step, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        while (!task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(15, cancellationToken));
        }
        await task;
        return time.GetUtcNow() - start;
    }

    /// <summary>
    /// Sets the clock to <paramref name="target"/> (if it is behind), then nudges it a second (or
    /// <paramref name="nudge"/>) at a time until <paramref name="condition"/> holds: a loop that read the clock just
    /// before the jump sleeps at most a one-minute slice, which the nudges run out. Timers set one after another over
    /// minutes (a backoff) want larger nudges.
    /// </summary>
    public static async Task AdvanceToAsync(
        FakeTimeProvider time, DateTimeOffset target, Func<bool> condition, CancellationToken cancellationToken, TimeSpan? nudge = null)
    {
        if (time.GetUtcNow() < target) time.SetUtcNow(target);
        while (!condition())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(10, cancellationToken);
            if (!condition()) time.Advance(nudge ?? TimeSpan.FromSeconds(1));
        }
    }
}
