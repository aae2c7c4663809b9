namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary>One entry of the <c>files</c> argument of <c>files.completeUploadExternal</c>.</summary>
internal sealed record UploadedFile(string Id, string Title);
