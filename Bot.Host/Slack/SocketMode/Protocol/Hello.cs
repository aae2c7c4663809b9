namespace Bot.Host.Slack.SocketMode.Protocol;

/// <summary>The first frame on a Socket Mode connection; the link is usable only after it.</summary>
internal sealed record Hello
{
    public int NumConnections { get; init; }
    public HelloConnectionInfo? ConnectionInfo { get; init; }
}
