namespace Bot.Knowledge.Ingestion;

/// <summary>How long a failing feed rests before its next attempt: 1, 2, 4, ... minutes, at most 6 hours.</summary>
public static class FeedBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Max = TimeSpan.FromHours(6);

    public static TimeSpan Delay(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0) return TimeSpan.Zero;
        var exponent = Math.Min(consecutiveFailures - 1, 20);
        var delay = Initial * Math.Pow(2, exponent);
        return delay < Max ? delay : Max;
    }
}
