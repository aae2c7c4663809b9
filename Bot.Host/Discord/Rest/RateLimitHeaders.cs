using System.Net.Http.Headers;

namespace Bot.Host.Discord.Rest;

/// <summary>The <c>X-RateLimit-*</c> headers of one response, parsed once (protocols.md §3.1).</summary>
internal sealed record RateLimitHeaders(int? Limit, int? Remaining, TimeSpan? ResetAfter, string? Bucket, bool Global, string? Scope)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers) => new(
        Limit: Int(headers, "X-RateLimit-Limit"),
        Remaining: Int(headers, "X-RateLimit-Remaining"),
        ResetAfter: Double(headers, "X-RateLimit-Reset-After") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Bucket: Text(headers, "X-RateLimit-Bucket"),
        Global: string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Scope: Text(headers, "X-RateLimit-Scope"));

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(HttpResponseHeaders headers, string name) =>
        int.TryParse(Text(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Double(HttpResponseHeaders headers, string name) =>
        double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
