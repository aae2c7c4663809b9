namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary>A Block Kit button; the click arrives as a <c>block_actions</c> payload naming <see cref="ActionId"/>.</summary>
internal sealed record SlackButtonElement(SlackTextObject Text, string ActionId, string Value)
{
    public string Type => "button";
}
