namespace Bot.Host.Slack.SocketMode.Protocol;

/// <summary>Just the <c>type</c> of an incoming frame, read first to pick the real shape.</summary>
internal sealed record SocketFrame
{
    public string? Type { get; init; }
}
