using System.Net.Http.Headers;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.WebApi;

/// <summary>The v2 file upload: get an upload URL, POST the bytes, then complete into a channel/thread exactly once.</summary>
internal sealed class FilesApi(SlackWebApiClient client)
{
    private const int MaxAltTextLength = 1000;

    public async Task<string> UploadAsync(ChatImage image, string channelId, string? threadTs, CancellationToken cancellationToken)
    {
        var altText = image.AltText.Length > MaxAltTextLength ? image.AltText[..MaxAltTextLength] : image.AltText;
        var target = await client.PostFormAsync("files.getUploadURLExternal", new Dictionary<string, string>
        {
            ["filename"] = image.FileName,
            ["length"] = image.Png.Length.ToString(CultureInfo.InvariantCulture),
            ["alt_txt"] = altText,
        }, SlackJsonContext.Default.UploadUrlResponse, SlackTokenKind.Bot, cancellationToken);
        if (!Uri.TryCreate(target.UploadUrl, UriKind.Absolute, out var uploadUrl) || string.IsNullOrEmpty(target.FileId))
            throw new SlackApiException("files.getUploadURLExternal", "invalid_response");

        await client.PostToUrlAsync("files.upload_url", uploadUrl, () =>
        {
            var bytes = new ByteArrayContent(image.Png);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            return bytes;
        }, cancellationToken);

        var complete = new Dictionary<string, string>
        {
            ["files"] = JsonSerializer.Serialize([new UploadedFile(target.FileId, image.FileName)],
                SlackJsonContext.Default.ListUploadedFile),
            ["channel_id"] = channelId,
        };
        if (threadTs is not null) complete["thread_ts"] = threadTs;
        await client.PostFormAsync("files.completeUploadExternal", complete,
            SlackJsonContext.Default.SlackApiResponse, SlackTokenKind.Bot, cancellationToken);
        return target.FileId;
    }
}
