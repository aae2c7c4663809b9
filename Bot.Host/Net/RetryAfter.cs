using System.Net.Http.Headers;

namespace Bot.Host.Net;

/// <summary>Reads how long to wait from a 429/503 response (the Retry-After header as seconds or a date).</summary>
public static class RetryAfter
{
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } value)
        {
            if (value.Delta is { } delta) return delta;
            if (value.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        }
        // Some servers send fractional seconds, which the typed header rejects.
        if (headers.TryGetValues("Retry-After", out var raw) &&
            double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return null;
    }
}
