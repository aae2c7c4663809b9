namespace Bot.Host.Slack.SocketMode.Protocol;

internal sealed record HelloConnectionInfo
{
    public string? AppId { get; init; }
}
