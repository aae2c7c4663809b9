namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary>A message posted to a slash command's <c>response_url</c>.</summary>
internal sealed record ResponseUrlMessage
{
    /// <summary><c>ephemeral</c> (only the caller sees it) or <c>in_channel</c>.</summary>
    public required string ResponseType { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<SlackBlock>? Blocks { get; init; }
    /// <summary>True replaces the message a button was clicked on; false adds a new one (interactive payloads only).</summary>
    public bool? ReplaceOriginal { get; init; }
}
