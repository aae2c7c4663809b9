using System.Net;
using Bot.Host.Discord.Rest;
using Bot.Host.Jobs;

namespace Bot.Host.Discord;

/// <summary>
/// Posts a neutral reply to a Discord channel: the rendered embed, and the chart attached to the same message
/// (multipart) and shown as the embed's image. Mentions are never parsed (<c>allowed_mentions.parse = []</c>).
/// A 403 (no access) or 404 (unknown channel) becomes <see cref="ChannelUnavailableException"/>.
/// </summary>
internal sealed class DiscordChannelPublisher(DiscordRestClient rest, DiscordReplyRenderer renderer) : IChannelPublisher
{
    public const string PlatformName = "discord";

    public string Platform => PlatformName;

    public async Task<string?> PostAsync(string channelId, ChatReply reply, CancellationToken cancellationToken)
    {
        var rendered = renderer.Render(reply);
        try
        {
            return await rest.CreateMessageAsync(channelId, rendered.Message, rendered.File, cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            throw new ChannelUnavailableException(Platform, channelId,
                $"Discord answered {(int)ex.Status} ({ex.DiscordMessage ?? ex.Status.ToString()})", ex);
        }
    }
}
