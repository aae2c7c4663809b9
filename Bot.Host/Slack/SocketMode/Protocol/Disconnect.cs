namespace Bot.Host.Slack.SocketMode.Protocol;

/// <summary>
/// Slack asks us to leave this connection. <see cref="Reason"/> is kept as a string on purpose:
/// <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>, <c>too_many_websockets</c> and future ones.
/// </summary>
internal sealed record Disconnect
{
    public const string LinkDisabled = "link_disabled";
    public string? Reason { get; init; }
}
