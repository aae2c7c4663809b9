using Bot.Host.Net;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// A pure decision: given how a connection ended and how many attempts in a row have failed,
/// resume, identify afresh, or stop, and after how long (protocols.md §1.5).
/// </summary>
internal sealed class GatewayReconnectPolicy(ExponentialBackoff backoff, Func<double> random)
{
    private const int MaxResumeConnectFailures = 3;

    public static GatewayReconnectPolicy Default { get; } =
        new(new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), Random.Shared.NextDouble);

    /// <summary>Close codes after which Discord says not to reconnect, with what the operator must fix.</summary>
    public static string? FatalReason(int? closeCode) => closeCode switch
    {
        4004 => "authentication failed: Discord:Token is invalid or was reset",
        4010 => "invalid shard: check Discord:ShardCount and Discord:ShardIds",
        4011 => "sharding required: the bot is in too many guilds for one connection; set Discord:ShardCount (a number or auto)",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable them in the Developer Portal or stop requesting them",
        _ => null,
    };

    /// <param name="failedAttempts">Connections in a row that ended before READY/RESUMED (0 after a healthy one).</param>
    public GatewayReconnectDecision Decide(GatewayDisconnect disconnect, int failedAttempts)
    {
        // A healthy connection that ends is replaced at once; repeated failures back off.
        var delay = failedAttempts == 0 ? TimeSpan.Zero : backoff.Delay(failedAttempts);
        switch (disconnect.Kind)
        {
            case GatewayDisconnectKind.ConnectFailed when failedAttempts >= MaxResumeConnectFailures:
                // The resume URL may be gone for good; a new session on the main gateway URL is the way back.
                return new(GatewayReconnectAction.Identify, delay, disconnect.ToString());
            case GatewayDisconnectKind.ReconnectRequested:
            case GatewayDisconnectKind.Zombied:
            case GatewayDisconnectKind.Dropped:
            case GatewayDisconnectKind.ConnectFailed:
                return new(GatewayReconnectAction.Resume, delay, disconnect.ToString());
            case GatewayDisconnectKind.InvalidSession when disconnect.Resumable:
                return new(GatewayReconnectAction.Resume, delay, "op 9, resumable");
            case GatewayDisconnectKind.InvalidSession:
                // Discord: wait a random 1-5 s before identifying again.
                return new(GatewayReconnectAction.Identify, Max(delay, TimeSpan.FromSeconds(1 + 4 * random())), "op 9, not resumable");
        }
        if (FatalReason(disconnect.CloseCode) is { } fatal)
            return new(GatewayReconnectAction.Stop, TimeSpan.Zero, $"close {disconnect.CloseCode}: {fatal}");
        return disconnect.CloseCode switch
        {
            // "Start a new session": resuming would only earn another close.
            4003 or 4007 or 4009 => new(GatewayReconnectAction.Identify, delay, $"close {disconnect.CloseCode}"),
            // Rate limited: never reconnect immediately.
            4008 => new(GatewayReconnectAction.Resume, Max(delay, backoff.Delay(1)), "close 4008"),
            _ => new(GatewayReconnectAction.Resume, delay, $"close {disconnect.CloseCode?.ToString() ?? "without code"}"),
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
