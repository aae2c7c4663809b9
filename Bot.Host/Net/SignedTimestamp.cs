namespace Bot.Host.Net;

/// <summary>
/// The time a signed webhook (Slack, Discord HTTP interactions) says it was signed. A signature is only
/// accepted within five minutes of now, either way (clocks drift), so a captured request cannot be replayed later.
/// </summary>
internal static class SignedTimestamp
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>Parses Unix seconds; false for anything else.</summary>
    public static bool TryParse(string? text, out DateTimeOffset signedAt)
    {
        signedAt = default;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)) return false;
        signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, 0, 253402300799));
        return true;
    }

    public static bool IsFresh(DateTimeOffset signedAt, TimeProvider time) => (time.GetUtcNow() - signedAt).Duration() <= MaxSkew;
}
