namespace Bot.Host.Jobs;

/// <summary>The channel cannot be posted to (deleted, archived, the bot removed or without permission); retrying will not help.</summary>
public sealed class ChannelUnavailableException(string platform, string channelId, string reason, Exception? inner = null)
    : Exception($"The {platform} channel {channelId} cannot be posted to: {reason}", inner)
{
    public string Platform { get; } = platform;
    public string ChannelId { get; } = channelId;
    public string Reason { get; } = reason;
}
