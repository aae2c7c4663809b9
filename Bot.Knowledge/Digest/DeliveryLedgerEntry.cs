using LiteDB;

namespace Bot.Knowledge.Digest;

/// <summary>
/// One post to one channel (a digest for a period, a watch alert for a round). Inserted (claimed) before sending
/// under a deterministic id, so a second insert of the same id fails: that is what makes two instances post once.
/// </summary>
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

}
