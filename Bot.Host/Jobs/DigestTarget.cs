namespace Bot.Host.Jobs;

/// <summary>One channel that receives the digest, with the publisher of its platform.</summary>
/// <param name="SubscribedAt">When a channel subscribed by command (its first digest is the first fire time after it); null for configured channels.</param>
internal sealed record DigestTarget(IChannelPublisher Publisher, string ChannelId, DateTimeOffset? SubscribedAt = null);
