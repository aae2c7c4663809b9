namespace Bot.Host.Jobs;

/// <summary>One channel that receives the digest, with the publisher of its platform.</summary>
internal sealed record DigestTarget(IChannelPublisher Publisher, string ChannelId);
