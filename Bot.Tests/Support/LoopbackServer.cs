using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Tests.Support;

/// <summary>
/// The plumbing every loopback peer shares: Kestrel on 127.0.0.1 with a port the OS picks, no logging, WebSockets
/// on; the peer maps its own routes (its protocol) in <c>map</c>. Disposing stops the server.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's root, ending in a slash (http://127.0.0.1:PORT/).</summary>
    public Uri BaseUri { get; }

    /// <summary><see cref="BaseUri"/> as text, ending in a slash.</summary>
    public string BaseUrl => BaseUri.ToString();

    /// <summary>The ws:// address of <paramref name="path"/> on this server.</summary>
    public string WebSocketUrl(string path) => new UriBuilder(BaseUri) { Scheme = "ws", Path = path }.Uri.ToString();

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        map(app);
        await app.StartAsync(cancellationToken);
        return new LoopbackServer(app, AddressOf(app));
    }

    /// <summary>The root address a started app listens on, ending in a slash.</summary>
    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
