using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Digest.Support;

/// <summary>
/// A loopback news site on Kestrel (127.0.0.1:0): RSS feeds at <c>/feeds/{name}.xml</c> with an ETag and
/// Last-Modified (answering 304 to a matching If-None-Match), the article pages they link to, CSV tables at
/// <c>/tables/{name}.csv</c>, and a switch to make a feed answer 500. Records the conditional headers of every feed request.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly ConcurrentDictionary<string, List<(string Slug, string Title, string Text)>> _feeds = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, string> _tables = new();

    /// <summary>Article slugs whose page answers 500 for now.</summary>
    public ConcurrentDictionary<string, bool> BrokenArticles { get; } = new();

    public string BaseUrl => _server.BaseUrl;
    public ConcurrentQueue<FeedRequest> FeedRequests { get; } = new();

    public static async Task<FeedServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new FeedServer();
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feeds/{name}.xml", (Func<HttpContext, string, Task>)server.FeedAsync);
            app.MapGet("/articles/{slug}", (Func<HttpContext, string, Task>)server.ArticleAsync);
            app.MapGet("/tables/{name}.csv", (Func<HttpContext, string, Task>)server.TableAsync);
        }, cancellationToken);
        return server;
    }

    public string FeedUrl(string name) => $"{BaseUrl}feeds/{name}.xml";

    /// <summary>A CSV table served at <c>/tables/{name}.csv</c> with an ETag of its content (304 when it matches).</summary>
    public string TableUrl(string name) => $"{BaseUrl}tables/{name}.csv";

    public void SetTable(string name, string csv) => _tables[name] = csv;

    public void AddItem(string feed, string slug, string title, string text) =>
        _feeds.GetOrAdd(feed, _ => []).Add((slug, title, text));

    /// <summary>The next <paramref name="count"/> requests of the feed get a 500.</summary>
    public void Fail(string feed, int count) => _failuresLeft[feed] = count;

    public IReadOnlyList<FeedRequest> RequestsFor(string feed) => FeedRequests.Where(r => r.Feed == feed).ToList();

    private async Task FeedAsync(HttpContext context, string name)
    {
        FeedRequests.Enqueue(new FeedRequest(name, context.Request.Headers.IfNoneMatch.ToString(),
            context.Request.Headers.IfModifiedSince.ToString()));
        if (_failuresLeft.TryGetValue(name, out var left) && left > 0)
        {
            _failuresLeft[name] = left - 1;
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("boom");
            return;
        }
        var items = _feeds.GetOrAdd(name, _ => []).ToList();
        var etag = $"\"{name}-v{items.Count}\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            return;
        }
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Thu, 26 Nov 2026 08:00:00 GMT";
        context.Response.ContentType = "application/rss+xml";
        var xmlItems = string.Concat(items.Select(i =>
            $"<item><title>{i.Title}</title><link>{BaseUrl}articles/{i.Slug}</link><pubDate>Thu, 26 Nov 2026 07:00:00 " +
                $"GMT</pubDate></item>"));
        await context.Response.WriteAsync($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback " +
            $"{name}</title><link>{BaseUrl}</link><description>test</description>{xmlItems}</channel></rss>");
    }

    private async Task TableAsync(HttpContext context, string name)
    {
        FeedRequests.Enqueue(new FeedRequest("table:" + name, context.Request.Headers.IfNoneMatch.ToString(),
            context.Request.Headers.IfModifiedSince.ToString()));
        if (!_tables.TryGetValue(name, out var csv))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
        var etag = $"\"{name}-{hash[..12]}\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            return;
        }
        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "text/csv; charset=utf-8";
        await context.Response.WriteAsync(csv);
    }

    private async Task ArticleAsync(HttpContext context, string slug)
    {
        if (BrokenArticles.ContainsKey(slug))
        {
            context.Response.StatusCode = 500;
            return;
        }
        var item = _feeds.Values.SelectMany(v => v.ToList()).FirstOrDefault(i => i.Slug == slug);
        if (item.Slug is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<html><head><title>{item.Title}</title></head><body>" +
            $"<article><h1>{item.Title}</h1><p>{item.Text}</p></article></body></html>");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
