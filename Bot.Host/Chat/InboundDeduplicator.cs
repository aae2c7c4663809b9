namespace Bot.Host.Chat;

/// <summary>
/// Lets each inbound delivery through once: a Slack event (retried when the ack was slow, redelivered on a reconnect)
/// or a Discord interaction (the gateway may deliver one twice) must be answered once. Ids are remembered for
/// <see cref="Window"/>, by time rather than count, so a burst cannot push an id out while it can still be replayed:
/// Slack retries within minutes, Discord refuses signed requests older than five minutes and an interaction token
/// expires after 15. In memory for one process (LiteDB); in PostgreSQL when several instances share the work, so a
/// retry delivered to another instance is still a repeat.
/// </summary>
public interface IInboundDeduplicator
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>True the first time <paramref name="id"/> arrives from <paramref name="platform"/> within the window.</summary>
    bool TryMarkFirst(string platform, string id);
}
