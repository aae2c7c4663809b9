namespace Bot.Tests.Discord.Support;

/// <summary>A loopback Discord and the bot, connected over the gateway (HELLO, IDENTIFY, READY), ready for interactions.</summary>
internal sealed record ConnectedDiscordBot(DiscordPeer Peer, DiscordBotHost Bot, GatewayPeerConnection Gateway) : IAsyncDisposable
{
    public IServiceProvider Services => Bot.Services;

    public static async Task<ConnectedDiscordBot> StartAsync(CancellationToken ct, Answer? answer = null,
        Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var peer = await DiscordPeer.StartAsync(ct);
        var bot = DiscordBotHost.Create(peer, settings, answer, configure);
        await bot.StartAsync(ct);
        var gateway = await peer.AcceptGatewayAsync(ct);
        await gateway.SendHelloAsync(ct);
        await gateway.ExpectAsync(2, ct);
        await gateway.SendAsync(peer.Ready(), ct);
        return new ConnectedDiscordBot(peer, bot, gateway);
    }

    /// <summary>Sends an INTERACTION_CREATE dispatch and returns the bot's initial response (the callback) to it.</summary>
    public async Task<RecordedDiscordRequest> InteractAsync(JsonNode dispatch, CancellationToken ct)
    {
        await Gateway.SendAsync(dispatch, ct);
        var id = (string)dispatch["d"]!["id"]!;
        return await Peer.ExpectRequestAsync(r => r.Method == "POST" && r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal),
            ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
