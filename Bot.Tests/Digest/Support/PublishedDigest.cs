namespace Bot.Tests.Digest.Support;

/// <summary>One post a <see cref="RecordingPublisher"/> received, with the fake clock's time.</summary>
internal sealed record PublishedDigest(string ChannelId, ChatReply Reply, DateTimeOffset At);
