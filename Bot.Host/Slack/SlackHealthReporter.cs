namespace Bot.Host.Slack;

/// <summary>Slack's part of <c>GET /health</c>: connected (Socket Mode) or stopped with a reason.</summary>
internal sealed class SlackHealthReporter(IOptions<SlackOptions> options, SlackConnectionState state) : IHealthReporter
{
    public string Name => "slack";

    public bool IsHealthy => state.StoppedReason is null &&
        (options.Value.EffectiveMode != SlackOptions.SocketMode || state.IsConnected);

    public object Describe() => new
    {
        mode = options.Value.EffectiveMode,
        connected = state.IsConnected,
        connections = state.Connections,
        lastHelloAt = state.LastHelloAt,
        stoppedReason = state.StoppedReason,
    };
}
