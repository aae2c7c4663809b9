namespace Bot.Knowledge.Ingestion;

/// <summary>One spelling per page: lower-case scheme and host, no fragment, no tracking parameters, no trailing slash.</summary>
public static class UrlCanonicalizer
{
    public static string Canonicalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return url.Trim();
        var query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
                && !p.StartsWith("fbclid", StringComparison.OrdinalIgnoreCase)
                && !p.StartsWith("gclid", StringComparison.OrdinalIgnoreCase)));
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }
}
