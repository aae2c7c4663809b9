namespace Bot.Host.State;

/// <summary>
/// Which watch alerts were posted where: the digest's claim-before-send rules (<see cref="IDeliveryLedger"/>) keyed by
/// (platform, channel, round), so a round alerts a channel at most once, across restarts and instances.
/// </summary>
public sealed class WatchAlertLedger(IDeliveryLedger entries)
{
    /// <summary>The LiteDB collection, and the ledger's name in PostgreSQL.</summary>
    public const string CollectionName = "watch_alert_ledger";

    /// <summary>The ledger in the knowledge base's LiteDB file (one process).</summary>
    public WatchAlertLedger(KnowledgeDatabase database, TimeProvider time) : this(new LiteDbDeliveryLedger(database, time, CollectionName))
    {
    }

    public IDeliveryLedger Entries { get; } = entries;

    public bool TryClaim(WatchAlert alert, string owner) =>
        Entries.TryClaim(alert.LedgerId, alert.Watch.Platform, alert.Watch.ChannelId,
            new DateTimeOffset(alert.Round.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(alert.Round.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), owner);
}
