using Bot.Knowledge.Digest;
using Bot.Knowledge.Storage;

namespace Bot.Knowledge.Watches;

/// <summary>
/// Which watch alerts were posted where (collection <c>watch_alert_ledger</c>): the digest's claim-before-send rules
/// (<see cref="DeliveryLedger"/>) keyed by (platform, channel, round), so a round alerts a channel at most once,
/// across restarts and instances.
/// </summary>
public sealed class WatchAlertLedger(KnowledgeDatabase database, TimeProvider time)
{
    public const string CollectionName = "watch_alert_ledger";

    public DeliveryLedger Entries { get; } = new(database, time, CollectionName);

    public bool TryClaim(WatchAlert alert, string owner) =>
        Entries.TryClaim(alert.LedgerId, alert.Watch.Platform, alert.Watch.ChannelId,
            new DateTimeOffset(alert.Round.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(alert.Round.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), owner);
}
