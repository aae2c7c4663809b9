using Bot.Host.Jobs;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// Posts a neutral reply to a Slack channel: <c>chat.postMessage</c> with Block Kit (paced per channel), then the
/// chart through the files upload flow into the same channel. Slack's channel errors (<c>channel_not_found</c>,
/// <c>not_in_channel</c>, archived) become <see cref="ChannelUnavailableException"/>.
/// </summary>
internal sealed class SlackChannelPublisher(ChatApi chat, FilesApi files, SlackBlockRenderer renderer,
    ILogger<SlackChannelPublisher> logger) : IChannelPublisher
{
    private static readonly HashSet<string> ChannelErrors =
        ["channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "restricted_action", "ekm_access_denied"];

    public const string PlatformName = "slack";

    public string Platform => PlatformName;

    public async Task<string?> PostAsync(string channelId, ChatReply reply, CancellationToken cancellationToken)
    {
        var content = renderer.Render(reply);
        string? ts;
        try
        {
            ts = await chat.PostMessageAsync(new PostMessageRequest { Channel = channelId, Text = content.Text, Blocks = content.Blocks },
                cancellationToken);
        }
        catch (SlackApiException ex) when (ChannelErrors.Contains(ex.Error))
        {
            throw new ChannelUnavailableException(Platform, channelId, $"Slack answered {ex.Error}", ex);
        }
        if (reply.Image is { } image)
        {
            // The message is already posted: a failed chart upload must not make the caller post it again.
            try { await files.UploadAsync(image, channelId, null, cancellationToken); }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
            {
                JobsLog.ChartUploadFailed(logger, channelId, ex.Message);
            }
        }
        return ts;
    }
}
