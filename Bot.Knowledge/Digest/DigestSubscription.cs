using LiteDB;

namespace Bot.Knowledge.Digest;

/// <summary>A channel that asked for the digest by command (collection <c>digest_subscriptions</c>), next to the configured ones.</summary>
public sealed class DigestSubscription
{
    /// <summary>platform:channel.</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string AddedBy { get; set; } = "";
    /// <summary>The channel's first digest is due at the first fire time after this.</summary>
    public DateTime AddedAt { get; set; }

    public static string IdOf(string platform, string channelId) => $"{platform}:{channelId}";
}
