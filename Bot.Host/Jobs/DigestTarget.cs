namespace Bot.Host.Jobs;

/// <summary>One channel that receives the digest: a platform name and a channel of it.</summary>
/// <param name="SubscribedAt">
/// When a channel subscribed by command (its first digest is the first fire time after it); null for configured channels.
/// </param>
internal sealed record DigestTarget(string Platform, string ChannelId, DateTimeOffset? SubscribedAt = null);
