using System.Net.WebSockets;
using Bot.Host.Discord.Rest;
using Bot.Host.Net;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// The gateway edge: resolves <c>Discord:ShardCount</c> (<c>auto</c> asks <c>GET /gateway/bot</c>) and runs one
/// <see cref="GatewayShard"/> per id in <c>Discord:ShardIds</c>. Shards reconnect on their own; one that stops for
/// good leaves the others running, and this service ends (with the first fatal error) once all have stopped.
/// </summary>
internal sealed class DiscordGatewayClient(
    DiscordRestClient rest,
    DispatchRouter router,
    GatewayReconnectPolicy policy,
    GatewayIdentifyGate identifyGate,
    DiscordConnectionState state,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>INTERACTION_CREATE is delivered under no intent, so a slash-command bot asks for none.</summary>
    public const int Intents = 0;
    /// <summary>Discord keeps a session resumable after any close code other than 1000/1001.</summary>
    public const WebSocketCloseStatus ResumableCloseStatus = (WebSocketCloseStatus)4900;

    private static readonly ExponentialBackoff AutoCountBackoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    private readonly ILogger _logger = loggers.CreateLogger<DiscordGatewayClient>();

    /// <summary>Source of the first-heartbeat jitter (0..1); tests pin it.</summary>
    public Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Already validated at start; parsed again here for the values.
        var settings = ShardSettings.Parse(options.Value, []);
        int count;
        try
        {
            count = settings.Count ?? await RecommendedCountAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.Set(DiscordConnectionStatus.Stopped);
            return;
        }
        var source = $"Discord:ShardCount=auto gave {count} shards (GET /gateway/bot)";
        if (settings.Ids is { } chosen && ShardSettings.OutOfRange(chosen, count, source) is { } error) throw Fatal(error);

        var logger = loggers.CreateLogger<GatewayShard>();
        var shards = settings.IdsFor(count)
            .Select(id => new GatewayShard(id, count, rest, router, policy, identifyGate, state.AddShard(id, count),
                options.Value.Token, Jitter, time, logger))
            .ToList();
        DiscordLog.GatewayShards(_logger, count, string.Join(",", shards.Select(s => s.Id)));
        // WhenAll waits for every shard, then throws the first one's fatal error (a shard throws nothing else).
        await Task.WhenAll(shards.Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)));
    }

    /// <summary>The <c>shards</c> Discord recommends; retried with backoff unless the token is refused.</summary>
    private async Task<int> RecommendedCountAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var info = await rest.GetGatewayBotAsync(stoppingToken);
                return Math.Clamp(info.Shards, 1, ShardSettings.MaxShards);
            }
            catch (DiscordRestException ex) when (ex.Status is System.Net.HttpStatusCode.Unauthorized)
            {
                throw Fatal("Discord rejected the bot token (401 on GET /gateway/bot): check Discord:Token.");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = AutoCountBackoff.Delay(attempt);
                DiscordLog.ShardCountLookupFailed(_logger, ex, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private DiscordGatewayFatalException Fatal(string message)
    {
        state.Set(DiscordConnectionStatus.Failed);
        state.Error(message);
        DiscordLog.GatewayFatal(_logger, message);
        return new DiscordGatewayFatalException(message);
    }
}
