namespace Bot.Host.Slack.WebApi;

/// <summary>The bot's own ids from <c>auth.test</c>: used to strip its mention and ignore its own messages.</summary>
internal sealed record SlackBotIdentity(string UserId, string? BotId);
