namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary><c>files.getUploadURLExternal</c>: where to POST the bytes, and the file id to complete.</summary>
internal sealed class UploadUrlResponse : SlackApiResponse
{
    public string? UploadUrl { get; init; }
    public string? FileId { get; init; }
}
