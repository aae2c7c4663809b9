namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary>The Block Kit blocks the bot sends: <c>section</c> (with text), <c>context</c> (with elements), <c>divider</c>.</summary>
internal sealed record SlackBlock
{
    public required string Type { get; init; }
    public SlackTextObject? Text { get; init; }
    public IReadOnlyList<SlackTextObject>? Elements { get; init; }

    public static SlackBlock Section(string mrkdwn) => new() { Type = "section", Text = SlackTextObject.Mrkdwn(mrkdwn) };
    public static SlackBlock Context(IReadOnlyList<string> mrkdwn) =>
        new() { Type = "context", Elements = mrkdwn.Select(SlackTextObject.Mrkdwn).ToList() };
    public static SlackBlock Divider() => new() { Type = "divider" };
}
