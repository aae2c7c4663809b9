namespace Bot.Host.Slack.WebApi;

/// <summary>Which configured token authorises a call: the bot token, or the app-level token (Socket Mode only).</summary>
internal enum SlackTokenKind
{
    Bot,
    App,
}
