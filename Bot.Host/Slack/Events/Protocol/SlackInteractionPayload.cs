namespace Bot.Host.Slack.Events.Protocol;

/// <summary>
/// An interactive payload (Socket Mode <c>interactive</c> envelope, or the <c>payload</c> form field over HTTP):
/// <c>block_actions</c> (a button under a message) or <c>message_action</c> (a message shortcut).
/// </summary>
internal sealed record SlackInteractionPayload
{
    public required string Type { get; init; }
    public SlackInteractionUser? User { get; init; }
    public IReadOnlyList<SlackBlockAction>? Actions { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }
    public SlackInteractionChannel? Channel { get; init; }
    /// <summary>The shortcut's id (<c>message_action</c>).</summary>
    public string? CallbackId { get; init; }
    /// <summary>The message a shortcut was used on.</summary>
    public SlackInteractionMessage? Message { get; init; }
}

internal sealed record SlackInteractionUser(string Id);

internal sealed record SlackInteractionChannel(string Id);

internal sealed record SlackBlockAction(string ActionId, string? Value);

internal sealed record SlackInteractionMessage(string? Text, string? Ts, string? ThreadTs);
