namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary><c>chat.postMessage</c> body. <see cref="Text"/> is the notification and screen-reader fallback.</summary>
internal sealed record PostMessageRequest
{
    public required string Channel { get; init; }
    public required string Text { get; init; }
    public string? ThreadTs { get; init; }
    public IReadOnlyList<SlackBlock>? Blocks { get; init; }
    public bool UnfurlLinks { get; init; }
    public bool UnfurlMedia { get; init; }
}
