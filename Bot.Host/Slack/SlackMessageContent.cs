using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>A rendered reply: Block Kit blocks plus the plain-text fallback used in notifications.</summary>
internal sealed record SlackMessageContent(string Text, IReadOnlyList<SlackBlock> Blocks);
