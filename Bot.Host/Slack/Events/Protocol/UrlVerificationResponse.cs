namespace Bot.Host.Slack.Events.Protocol;

internal sealed record UrlVerificationResponse(string Challenge);
