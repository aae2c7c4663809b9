namespace Bot.Host.Slack.WebApi.Protocol;

internal sealed record SlackTextObject(string Type, string Text)
{
    public static SlackTextObject Mrkdwn(string text) => new("mrkdwn", text);
    public static SlackTextObject Plain(string text) => new("plain_text", text);
}
