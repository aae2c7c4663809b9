namespace Bot.Host.Jobs;

/// <summary>Posts a neutral reply into a channel of one platform (the digest); each platform edge implements it.</summary>
public interface IChannelPublisher
{
    /// <summary>"discord" or "slack": the ledger key and the log label.</summary>
    string Platform { get; }

    /// <summary>Posts and returns the platform's message id. Throws <see cref="ChannelUnavailableException"/> when the channel cannot take
    /// posts.</summary>
    Task<string?> PostAsync(string channelId, ChatReply reply, CancellationToken cancellationToken);
}
