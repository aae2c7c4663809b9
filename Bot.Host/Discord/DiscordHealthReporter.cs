namespace Bot.Host.Discord;

/// <summary>The "discord" entry of <c>GET /health</c>: connection state, session and last error; never the token.</summary>
internal sealed class DiscordHealthReporter(DiscordConnectionState state) : IHealthReporter
{
    public string Name => "discord";
    public bool IsHealthy => state.Status is DiscordConnectionStatus.Connected;
    public object Describe() => state.Snapshot();
}
