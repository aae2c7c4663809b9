using LiteDB;

namespace Bot.Host.State;

/// <summary>
/// Claim before send: a post (a digest for a period, a watch alert for a round) is claimed under a deterministic id
/// before it is sent, and the store lets exactly one claimer win an id, whichever process asks; then the post is
/// marked sent, skipped or failed, or released when the platform said no (nothing was posted, so a later attempt may
/// send it). A claim left in flight by a process that stopped is marked abandoned and never re-posted (at-most-once).
/// <see cref="DigestLedger"/> and <see cref="WatchAlertLedger"/> keep one each. LiteDB (one process) and PostgreSQL
/// (several instances) implement it.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>True when this caller now owns the post <paramref name="id"/>; false when someone already claimed it.</summary>
    bool TryClaim(string id, string platform, string channelId, DateTimeOffset from, DateTimeOffset to, string owner);

    void Complete(string id, DigestDeliveryState state, string? messageId, string? note);

    /// <summary>Gives the claim up after a failure the platform reported (nothing was posted), so a later attempt may send it.</summary>
    bool Release(string id);

    /// <summary>
    /// Claims left by stopped processes (by another owner, claimed before <paramref name="startedAt"/>, never completed)
    /// become <see cref="DigestDeliveryState.Abandoned"/>; returns them so the caller can log each.
    /// </summary>
    IReadOnlyList<DeliveryLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt);

    IReadOnlyList<DeliveryLedgerEntry> ForChannel(string platform, string channelId);

    IReadOnlyList<DeliveryLedgerEntry> InState(DigestDeliveryState state);

    DeliveryLedgerEntry? Get(string id);

    IReadOnlyList<DeliveryLedgerEntry> All();
}

/// <summary>One post to one channel, claimed before sending under a deterministic id.</summary>
public sealed class DeliveryLedgerEntry
{
    [BsonId] public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string ChannelId { get; set; } = "";
    /// <summary>The digest's period, or the alerted round's first and last day.</summary>
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public DigestDeliveryState State { get; set; }
    /// <summary>The scheduler instance that claimed it (a new id per process start).</summary>
    public string Owner { get; set; } = "";
    public DateTime ClaimedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The platform's message id (Discord) or ts (Slack) once sent.</summary>
    public string? MessageId { get; set; }
    /// <summary>Why it was not sent (channel gone, bot removed, abandoned by a crash).</summary>
    public string? Note { get; set; }

    /// <summary>LiteDB hands dates back in local time; the ledger works in UTC instants.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}

public enum DigestDeliveryState
{
    /// <summary>Claimed, being sent.</summary>
    Claimed,
    Sent,
    /// <summary>Empty period with Digest:SkipEmpty: nothing posted, on purpose.</summary>
    Skipped,
    /// <summary>The channel could not be posted to (deleted, no access); not retried.</summary>
    Failed,
    /// <summary>Claimed by a process that stopped before confirming: maybe posted, maybe not; never re-posted (at-most-once).</summary>
    Abandoned,
}
