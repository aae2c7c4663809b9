namespace Bot.Host.Jobs;

/// <summary>Waits on a <see cref="TimeProvider"/> until an instant.</summary>
internal static class ClockWait
{
    /// <summary>
    /// Sleeps in slices of at most a minute and re-reads the clock after each, so a clock that jumps (a fake
    /// clock in tests, a suspended machine) is noticed within a minute rather than after the whole wait.
    /// </summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMinutes(1);

    public static async Task UntilAsync(TimeProvider time, DateTimeOffset wake, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = wake - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return;
            await Task.Delay(remaining < Slice ? remaining : Slice, time, cancellationToken);
        }
    }
}
