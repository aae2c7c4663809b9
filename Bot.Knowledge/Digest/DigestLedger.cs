using Bot.Knowledge.Storage;
using LiteDB;

namespace Bot.Knowledge.Digest;

/// <summary>
/// Which digests were posted where, in the knowledge base's LiteDB file (collection <c>digest_ledger</c>).
/// A digest is claimed before it is sent by inserting its entry under the id (platform, channel, period end):
/// LiteDB refuses a second insert of that id, so of two schedulers over the same database only one sends.
/// After sending, the entry is marked sent. An entry still claimed when a new process starts belonged to a
/// process that stopped between claim and send: it is marked abandoned and never re-posted (at-most-once).
/// </summary>
public sealed class DigestLedger
{
    public const string CollectionName = "digest_ledger";
    private static readonly Lock MappingGate = new();
    private readonly ILiteCollection<DigestLedgerEntry> _entries;
    private readonly TimeProvider _time;

    public DigestLedger(KnowledgeDatabase database, TimeProvider time)
    {
        _time = time;
        // LiteDB builds a type's member map lazily and not thread-safely (litedb-org/LiteDB#2536): build it once, under a lock.
        lock (MappingGate) database.Database.Mapper.ToDocument(new DigestLedgerEntry());
        _entries = database.Database.GetCollection<DigestLedgerEntry>(CollectionName);
        _entries.EnsureIndex(e => e.ChannelId);
        _entries.EnsureIndex(e => e.State);
    }

    /// <summary>True when this caller now owns the digest for (platform, channel, period end); false when someone already claimed it.</summary>
    public bool TryClaim(string platform, string channelId, DigestPeriod period, string owner)
    {
        try
        {
            _entries.Insert(new DigestLedgerEntry
            {
                Id = DigestLedgerEntry.IdOf(platform, channelId, period.To), Platform = platform, ChannelId = channelId,
                PeriodStart = period.From.UtcDateTime, PeriodEnd = period.To.UtcDateTime, State = DigestDeliveryState.Claimed,
                Owner = owner, ClaimedAt = Now(),
            });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void MarkSent(string platform, string channelId, DigestPeriod period, string? messageId) =>
        Complete(platform, channelId, period, DigestDeliveryState.Sent, messageId, null);

    public void MarkSkipped(string platform, string channelId, DigestPeriod period, string why) =>
        Complete(platform, channelId, period, DigestDeliveryState.Skipped, null, why);

    public void MarkFailed(string platform, string channelId, DigestPeriod period, string why) =>
        Complete(platform, channelId, period, DigestDeliveryState.Failed, null, why);

    /// <summary>Gives the claim up after a failure the platform reported (nothing was posted), so a later attempt may send it.</summary>
    public bool Release(string platform, string channelId, DigestPeriod period) =>
        _entries.Delete(DigestLedgerEntry.IdOf(platform, channelId, period.To));

    /// <summary>
    /// Claims left by earlier processes (claimed before <paramref name="startedAt"/> by another owner and never
    /// completed) become <see cref="DigestDeliveryState.Abandoned"/>; returns them so the caller can log each.
    /// </summary>
    public IReadOnlyList<DigestLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt)
    {
        var stale = _entries.Find(e => e.State == DigestDeliveryState.Claimed).ToList()
            .Where(e => e.Owner != owner && Utc(e.ClaimedAt) < startedAt)
            .ToList();
        foreach (var entry in stale)
        {
            entry.State = DigestDeliveryState.Abandoned;
            entry.CompletedAt = Now();
            entry.Note = "claimed by a process that stopped before confirming the post; not re-posted (at-most-once)";
            _entries.Update(entry);
        }
        return stale;
    }

    /// <summary>The end of the last period handled for the channel in any way (sent, skipped, failed, abandoned or in flight).</summary>
    public DateTimeOffset? LastCoveredEnd(string platform, string channelId) =>
        _entries.Find(e => e.ChannelId == channelId).Where(e => e.Platform == platform)
            .Select(e => (DateTimeOffset?)Utc(e.PeriodEnd)).Max();

    /// <summary>The most recent digest that was posted somewhere.</summary>
    public DigestLedgerEntry? LatestSent() =>
        _entries.Find(e => e.State == DigestDeliveryState.Sent).MaxBy(e => e.PeriodEnd);

    public DigestLedgerEntry? Get(string platform, string channelId, DateTimeOffset periodEnd) =>
        _entries.FindById(DigestLedgerEntry.IdOf(platform, channelId, periodEnd));

    public IReadOnlyList<DigestLedgerEntry> All() => _entries.FindAll().ToList();

    private void Complete(string platform, string channelId, DigestPeriod period, DigestDeliveryState state, string? messageId, string? note)
    {
        var entry = _entries.FindById(DigestLedgerEntry.IdOf(platform, channelId, period.To))
            ?? throw new InvalidOperationException($"No claim for the {platform} channel {channelId} digest ending {period.To:O}.");
        entry.State = state;
        entry.MessageId = messageId;
        entry.Note = note;
        entry.CompletedAt = Now();
        _entries.Update(entry);
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    /// <summary>LiteDB hands dates back in local time; the ledger works in UTC instants.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}
