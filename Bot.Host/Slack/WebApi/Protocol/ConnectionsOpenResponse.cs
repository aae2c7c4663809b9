namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary><c>apps.connections.open</c>: a short-lived WebSocket URL.</summary>
internal sealed class ConnectionsOpenResponse : SlackApiResponse
{
    public string? Url { get; init; }
}
