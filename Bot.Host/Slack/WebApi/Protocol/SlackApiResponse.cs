namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary>Every Web API reply: errors arrive as HTTP 200 with <c>ok:false</c> and an error code.</summary>
internal class SlackApiResponse
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
}
