namespace Bot.Host.State;

/// <summary>
/// Which digests were posted where: an <see cref="IDeliveryLedger"/> whose posts are keyed by (platform, channel,
/// period end), so two schedulers post a period once and a crash between claim and send never causes a second post.
/// </summary>
public sealed class DigestLedger(IDeliveryLedger ledger)
{
    /// <summary>The LiteDB collection, and the ledger's name in PostgreSQL.</summary>
    public const string CollectionName = "digest_ledger";

    /// <summary>The ledger in the knowledge base's LiteDB file (one process).</summary>
    public DigestLedger(KnowledgeDatabase database, TimeProvider time) : this(new LiteDbDeliveryLedger(database, time, CollectionName))
    {
    }

    public static string IdOf(string platform, string channelId, DateTimeOffset periodEnd) =>
        $"{platform}:{channelId}:{periodEnd.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";

    /// <summary>
    /// True when this caller now owns the digest for (platform, channel, period end); false when someone already claimed it.
    /// </summary>
    public bool TryClaim(string platform, string channelId, DigestPeriod period, string owner) =>
        ledger.TryClaim(IdOf(platform, channelId, period.To), platform, channelId, period.From, period.To, owner);

    public void MarkSent(string platform, string channelId, DigestPeriod period, string? messageId) =>
        ledger.Complete(IdOf(platform, channelId, period.To), DigestDeliveryState.Sent, messageId, null);

    public void MarkSkipped(string platform, string channelId, DigestPeriod period, string why) =>
        ledger.Complete(IdOf(platform, channelId, period.To), DigestDeliveryState.Skipped, null, why);

    public void MarkFailed(string platform, string channelId, DigestPeriod period, string why) =>
        ledger.Complete(IdOf(platform, channelId, period.To), DigestDeliveryState.Failed, null, why);

    /// <summary>Gives the claim up after a failure the platform reported (nothing was posted), so a later attempt may send it.</summary>
    public bool Release(string platform, string channelId, DigestPeriod period) => ledger.Release(IdOf(platform, channelId, period.To));

    /// <inheritdoc cref="IDeliveryLedger.AbandonStaleClaims"/>
    public IReadOnlyList<DeliveryLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt) =>
        ledger.AbandonStaleClaims(owner, startedAt);

    /// <summary>The end of the last period handled for the channel in any way (sent, skipped, failed, abandoned or in flight).</summary>
    public DateTimeOffset? LastCoveredEnd(string platform, string channelId) =>
        ledger.ForChannel(platform, channelId).Select(e => (DateTimeOffset?)DeliveryLedgerEntry.Utc(e.PeriodEnd)).Max();

    /// <summary>The most recent digest that was posted somewhere.</summary>
    public DeliveryLedgerEntry? LatestSent() => ledger.InState(DigestDeliveryState.Sent).MaxBy(e => e.PeriodEnd);

    public DeliveryLedgerEntry? Get(string platform, string channelId, DateTimeOffset periodEnd) =>
        ledger.Get(IdOf(platform, channelId, periodEnd));

    public IReadOnlyList<DeliveryLedgerEntry> All() => ledger.All();
}
