namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary><c>chat.postEphemeral</c> body: a message only <see cref="User"/> sees, optionally inside a thread.</summary>
internal sealed record PostEphemeralRequest
{
    public required string Channel { get; init; }
    public required string User { get; init; }
    public required string Text { get; init; }
    public string? ThreadTs { get; init; }
    public IReadOnlyList<SlackBlock>? Blocks { get; init; }
}
