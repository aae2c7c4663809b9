namespace Bot.Host.Slack.WebApi.Protocol;

internal sealed class PostMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}
