using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Knowledge;

/// <summary>URL and feed ingestion against a real HTTP server on loopback.</summary>
public sealed class UrlIngestionTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private string _base = "";

    private const string Page = """
        <html><head><title>Acme cuts 500 jobs</title></head><body>
        <nav>Home | News | Sign in</nav>
        <article><h1>Acme cuts 500 jobs</h1>
        <p>Acme Corp said on Tuesday it will cut 500 jobs, about 8% of its workforce, as demand for its gadgets slows.</p>
        <p>Chief executive Jane Doe said in a memo that the company grew too fast during the pandemic
        and must now focus on profitability.</p>
        <p>The cuts affect engineering and sales teams in three countries, the company said in a statement.</p>
        </article><footer>Copyright Acme News</footer></body></html>
        """;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/article", () => Results.Content(Page, "text/html"));
            app.MapGet("/second", () => Results.Content(Page.Replace("Acme", "Globex"), "text/html"));
            app.MapGet("/feed.xml", (HttpContext ctx) => Results.Content($"""
                <?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Tech News</title>
                <item><title>Globex layoffs</title><link>http://{ctx.Request.Host}/second</link>
                <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
                <item><title>Broken</title><link>http://{ctx.Request.Host}/missing</link></item>
                </channel></rss>
                """, "application/rss+xml"));
            app.MapGet("/binary", () => Results.Bytes([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "application/octet-stream"));
            app.MapGet("/image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47], "image/png"));
            app.MapGet("/bogus-charset", ()
                => Results.Bytes(Encoding.UTF8.GetBytes(Page.Replace("Acme", "Zürich Café")), "text/html; charset=bogus-8"));
            app.MapGet("/huge", () => Results.Content("<html><body><p>" + new string('x', 3_000_000) + "</p></body></html>", "text/html"));
            app.MapGet("/slow", async (CancellationToken ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Results.Ok(); });
            app.MapGet("/redirect-loop", (HttpContext ctx) => Results.Redirect("/redirect-loop"));
        }, TestContext.Current.CancellationToken);
        _base = _server.BaseUrl.TrimEnd('/');
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static KnowledgeServices Services(KnowledgeDatabase db, bool allowPrivate = true) => new(db, new Dictionary<string, string?>
    {
        ["Knowledge:AllowPrivateAddresses"] = allowPrivate.ToString(),
        ["Knowledge:MaxDownloadBytes"] = "1000000",
        ["Knowledge:DownloadTimeoutSeconds"] = "2",
    });

    [Fact]
    public async Task An_html_page_is_stored_as_its_readable_text()
    {
        using var db = KnowledgeDatabase.InMemory();
        using var services = Services(db);
        var result = await services.Get<IngestionPipeline>().IngestUrlAsync(new Uri(_base + "/article"),
            TestContext.Current.CancellationToken);
        Assert.Equal(IngestOutcome.Added, result[0].Outcome);
        var doc = Assert.Single(services.Get<DocumentStore>().ListDocuments());
        Assert.Contains("cut 500 jobs", doc.Text);
        Assert.DoesNotContain("Sign in", doc.Text);
        Assert.Equal("Acme cuts 500 jobs", doc.Title);
        Assert.Equal(_base + "/article", doc.Url);
    }

    [Fact]
    public async Task A_feed_ingests_each_linked_page_and_reports_a_broken_item()
    {
        using var db = KnowledgeDatabase.InMemory();
        using var services = Services(db);
        var report = await services.Get<IngestionPipeline>().IngestAsync([_base + "/feed.xml"], null,
            TestContext.Current.CancellationToken);
        Assert.Equal(1, report.Count(IngestOutcome.Added));
        var failed = Assert.Single(report.Items, i => i.Outcome == IngestOutcome.Failed);
        Assert.Contains("404", failed.Reason);
        var doc = Assert.Single(services.Get<DocumentStore>().ListDocuments());
        Assert.Contains("Globex", doc.Text);
        Assert.Equal(new DateTime(2024, 3, 5), doc.Published);
    }

    [Fact]
    public async Task Not_found_oversized_slow_and_redirect_loops_fail_with_a_reason()
    {
        using var db = KnowledgeDatabase.InMemory();
        using var services = Services(db);
        var pipeline = services.Get<IngestionPipeline>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Contains("404", (await pipeline.IngestUrlAsync(new Uri(_base + "/missing"), ct))[0].Reason);
        Assert.Contains("limit", (await pipeline.IngestUrlAsync(new Uri(_base + "/huge"), ct))[0].Reason);
        Assert.Contains("within 2 s", (await pipeline.IngestUrlAsync(new Uri(_base + "/slow"), ct))[0].Reason);
        Assert.Contains("redirects", (await pipeline.IngestUrlAsync(new Uri(_base + "/redirect-loop"), ct))[0].Reason);
        Assert.Equal(0, services.Get<DocumentStore>().DocumentCount);
    }

    [Theory]
    [InlineData("/binary", "application/octet-stream")]
    [InlineData("/image", "image/png")]
    public async Task Non_text_content_types_are_refused_with_a_message(string path, string mediaType)
    {
        var (result, stored) = await IngestOneUrlAsync(path);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal($"{_base}{path} is {mediaType}, not a web page, text or feed", result.Reason);
        Assert.Empty(stored);
    }

    [Fact]
    public async Task An_unknown_charset_is_read_as_utf8_with_a_warning()
    {
        var (result, stored) = await IngestOneUrlAsync("/bogus-charset");

        Assert.Equal(IngestOutcome.Added, result.Outcome);
        Assert.Equal("unknown charset 'bogus-8', read as UTF-8", result.Reason);
        Assert.Contains("Zürich Café Corp said on Tuesday", Assert.Single(stored).Text);
    }

    /// <summary>Ingests one page of the loopback server into a fresh database; returns its result and what was stored.</summary>
    private async Task<(IngestItemResult Result, IReadOnlyList<DocumentRecord> Stored)> IngestOneUrlAsync(string path)
    {
        using var db = KnowledgeDatabase.InMemory();
        using var services = Services(db);
        var results = await services.Get<IngestionPipeline>().IngestUrlAsync(new Uri(_base + path), TestContext.Current.CancellationToken);
        return (Assert.Single(results), services.Get<DocumentStore>().ListDocuments());
    }

    [Fact]
    public async Task Loopback_addresses_are_refused_unless_allowed()
    {
        using var db = KnowledgeDatabase.InMemory();
        using var services = Services(db, allowPrivate: false);
        var result = await services.Get<IngestionPipeline>().IngestUrlAsync(new Uri(_base + "/article"),
            TestContext.Current.CancellationToken);
        Assert.Equal(IngestOutcome.Failed, result[0].Outcome);
        Assert.Contains("AllowPrivateAddresses", result[0].Reason);
        Assert.Equal(0, services.Get<DocumentStore>().DocumentCount);
    }

    /// <summary>A loopback server standing in for a forward proxy: it answers absolute-form requests and records their targets.</summary>
    private static async Task<(LoopbackServer Proxy, List<string> Targets)> StartProxyAsync(string redirectTo)
    {
        var targets = new List<string>();
        var proxy = await LoopbackServer.StartAsync(app => app.Run(ctx =>
        {
            lock (targets) targets.Add($"{ctx.Request.Host}{ctx.Request.Path}");
            if (ctx.Request.Path == "/redirect") { ctx.Response.Redirect(redirectTo); return Task.CompletedTask; }
            ctx.Response.ContentType = "text/html";
            return ctx.Response.WriteAsync(Page);
        }), TestContext.Current.CancellationToken);
        return (proxy, targets);
    }

    [Fact]
    public async Task Through_a_configured_proxy_each_target_host_is_checked_including_redirects()
    {
        var (proxy, targets) = await StartProxyAsync(_base + "/article");
        await using var _ = proxy;
        using var db = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(db, new Dictionary<string, string?>
        {
            ["Knowledge:Proxy"] = proxy.BaseUrl.TrimEnd('/'),
            ["Knowledge:DownloadTimeoutSeconds"] = "5",
        });
        var pipeline = services.Get<IngestionPipeline>();
        var ct = TestContext.Current.CancellationToken;

        // A public literal is fetched through the (loopback) proxy the operator configured.
        var viaProxy = await pipeline.IngestUrlAsync(new Uri("http://93.184.216.34/article"), ct);
        Assert.Equal(IngestOutcome.Added, viaProxy[0].Outcome);
        // A private target is refused before the proxy is asked, whether named directly or reached by a redirect.
        var direct = await pipeline.IngestUrlAsync(new Uri(_base + "/article"), ct);
        var redirected = await pipeline.IngestUrlAsync(new Uri("http://93.184.216.34/redirect"), ct);
        Assert.Equal(IngestOutcome.Failed, direct[0].Outcome);
        Assert.Contains("AllowPrivateAddresses", direct[0].Reason);
        Assert.Equal(IngestOutcome.Failed, redirected[0].Outcome);
        Assert.Contains("AllowPrivateAddresses", redirected[0].Reason);
        Assert.Equal(["93.184.216.34/article", "93.184.216.34/redirect"], targets);
        Assert.Equal(1, services.Get<DocumentStore>().DocumentCount);
    }

    [Fact]
    public void Proxy_environment_variables_are_ignored_unless_a_proxy_is_configured()
    {
        using var plain = new SafeHttpFetcher(Microsoft.Extensions.Options.Options.Create(new Bot.Knowledge.KnowledgeOptions()));
        using var plainHandler = plain.CreateHandler();
        Assert.False(plainHandler.UseProxy);
        using var proxied = new SafeHttpFetcher(Microsoft.Extensions.Options.Options.Create(new Bot.Knowledge.KnowledgeOptions
            { Proxy = "http://127.0.0.1:3128" }));
        using var proxiedHandler = proxied.CreateHandler();
        Assert.True(proxiedHandler.UseProxy);
        Assert.Equal(new Uri("http://127.0.0.1:3128"), proxiedHandler.Proxy!.GetProxy(new Uri("http://example.com/")));
    }

    [Theory]
    [InlineData("::127.0.0.1", true)]           // IPv4-compatible
    [InlineData("::ffff:127.0.0.1", true)]      // IPv4-mapped
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:0:7f00:1", true)]       // IPv4-translated
    [InlineData("64:ff9b::7f00:1", true)]       // NAT64
    [InlineData("64:ff9b::a9fe:a9fe", true)]    // NAT64 to the metadata address
    [InlineData("64:ff9b:1::5db8:d822", true)]  // NAT64 local use
    [InlineData("2002:7f00:1::1", true)]        // 6to4
    [InlineData("2002:c0a8:101::1", true)]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", true)] // Teredo client 127.0.0.1
    [InlineData("fe80::5efe:7f00:1", true)]     // ISATAP
    [InlineData("2001:db8::5efe:a00:1", true)]  // ISATAP with a global prefix, 10.0.0.1
    [InlineData("::ffff:93.184.216.34", false)]
    [InlineData("64:ff9b::5db8:d822", false)]
    [InlineData("2002:5db8:d822::1", false)]
    public void IPv6_addresses_embedding_a_private_IPv4_address_are_private(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, AddressPolicy.IsPrivate(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void Private_and_link_local_addresses_are_recognised(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, AddressPolicy.IsPrivate(System.Net.IPAddress.Parse(address)));
}
