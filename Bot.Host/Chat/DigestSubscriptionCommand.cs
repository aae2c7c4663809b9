using Bot.Host.Jobs;
using Bot.Host.State;

namespace Bot.Host.Chat;

/// <summary>
/// <c>digest subscribe|unsubscribe</c> for the channel the command came from; who may run it is the platform edge's
/// call (Manage Server on Discord). Channels named in the settings stay subscribed whatever is typed here.
/// </summary>
internal sealed class DigestSubscriptionCommand(IDigestSubscriptionStore subscriptions, IOptions<DigestOptions> options)
{
    public ChatReply Handle(ChatCommand command, bool subscribe)
    {
        var request = command.Request;
        var configured = options.Value.ChannelsOf(request.Platform).Contains(request.ChannelId);
        if (subscribe)
        {
            if (configured || !subscriptions.Subscribe(request.Platform, request.ChannelId, request.UserId))
                return new ChatReply { Text = "This channel already gets the digest.", Ephemeral = true };
            return new ChatReply
            {
                Text = $"This channel will get the layoff digest at every scheduled time (Digest:Cron '{options.Value.Cron}' in " +
                    $"{options.Value.TimeZone}), starting with the next one.",
            };
        }
        if (configured)
            return ChatReply.Error("This channel gets the digest because the bot's settings name it (Digest:Channels); ask the operator " +
                "to remove it there.");
        return subscriptions.Unsubscribe(request.Platform, request.ChannelId)
            ? new ChatReply { Text = "This channel will no longer get the layoff digest." }
            : ChatReply.Error("This channel is not subscribed to the digest.");
    }
}
