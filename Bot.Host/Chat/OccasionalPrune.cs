namespace Bot.Host.Chat;

/// <summary>
/// When a store deletes its expired rows: at most once per <paramref name="every"/>, by one caller (the others carry on),
/// so a table holds about one window of rows without a timer of its own.
/// </summary>
public sealed class OccasionalPrune(TimeProvider time, TimeSpan every)
{
    private long _lastTicks = time.GetUtcNow().UtcTicks;

    /// <summary>True for the one caller that should prune now.</summary>
    public bool Due(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastTicks);
        return now.UtcTicks - last >= every.Ticks && Interlocked.CompareExchange(ref _lastTicks, now.UtcTicks, last) == last;
    }
}
