namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary>
/// The Block Kit blocks the bot sends: <c>section</c> (with text), <c>context</c> (text elements), <c>actions</c>
/// (buttons), <c>divider</c>, <c>header</c>.
/// </summary>
internal sealed record SlackBlock
{
    public required string Type { get; init; }
    public string? BlockId { get; init; }
    public SlackTextObject? Text { get; init; }
    /// <summary>The text elements of a context block.</summary>
    [JsonIgnore] public IReadOnlyList<SlackTextObject>? Elements { get; init; }
    /// <summary>The buttons of an actions block.</summary>
    [JsonIgnore] public IReadOnlyList<SlackButtonElement>? Buttons { get; init; }

    /// <summary>Block Kit calls both <c>elements</c>; written as whichever list this block has.</summary>
    [JsonPropertyName("elements")]
    public object? ElementsOnWire => (object?)Elements?.ToList() ?? Buttons?.ToList();

    public static SlackBlock Section(string mrkdwn) => new() { Type = "section", Text = SlackTextObject.Mrkdwn(mrkdwn) };
    public static SlackBlock Context(IReadOnlyList<string> mrkdwn) =>
        new() { Type = "context", Elements = mrkdwn.Select(SlackTextObject.Mrkdwn).ToList() };
    public static SlackBlock Divider() => new() { Type = "divider" };
    public static SlackBlock Header(string plainText) => new() { Type = "header", Text = SlackTextObject.Plain(plainText) };
    public static SlackBlock Actions(string blockId, IReadOnlyList<SlackButtonElement> buttons) =>
        new() { Type = "actions", BlockId = blockId, Buttons = buttons.ToList() };
}
