namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary><c>auth.test</c>: who the bot token belongs to.</summary>
internal sealed class AuthTestResponse : SlackApiResponse
{
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? TeamId { get; init; }
}
