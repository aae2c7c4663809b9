using LiteDB;

namespace Bot.Host.State;

/// <summary>The channels subscribed to the digest by command. LiteDB (one process) and PostgreSQL (shared) implement it.</summary>
public interface IDigestSubscriptionStore
{
    /// <summary>False when the channel is already subscribed.</summary>
    bool Subscribe(string platform, string channelId, string userId);

    bool Unsubscribe(string platform, string channelId);

    IReadOnlyList<DigestSubscription> All();
}

/// <summary>A channel that asked for the digest by command, next to the configured ones.</summary>
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
