namespace Bot.Tests.Slack.Support;

/// <summary>A loopback Slack and the bot in Socket Mode, connected (hello sent), ready for envelopes.</summary>
internal sealed record ConnectedSlackBot(SlackPeer Peer, SlackBotHost Host, PeerSocket Socket) : IAsyncDisposable
{
    public IServiceProvider Services => Host.App.Services;

    /// <param name="hello">False leaves the socket silent, as a Slack that accepted the connection but never said hello.</param>
    public static async Task<ConnectedSlackBot> StartAsync(CancellationToken ct, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null, bool hello = true)
    {
        var clock = new FakeTimeProvider(TestTime.Utc("2026-01-05T10:00:00Z"));
        var peer = await SlackPeer.StartAsync(clock, ct);
        var all = SlackBotHost.SocketSettings(peer);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = await SlackBotHost.StartAsync(all, clock, ct, configure);
        var socket = await peer.AcceptSocketAsync(ct);
        if (hello) await socket.SendHelloAsync(ct);
        return new ConnectedSlackBot(peer, host, socket);
    }

    public async ValueTask DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Host.DisposeAsync();
    }
}
