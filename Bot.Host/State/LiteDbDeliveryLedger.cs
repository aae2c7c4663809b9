using LiteDB;

namespace Bot.Host.State;

/// <summary>
/// <see cref="IDeliveryLedger"/> in one LiteDB collection of the knowledge base: a claim inserts its entry under the
/// post's id and LiteDB refuses a second insert of that id. LiteDB is one process (a second writer waits, then
/// stops), so every claim older than this process's start belonged to a process that stopped.
/// </summary>
public sealed class LiteDbDeliveryLedger : IDeliveryLedger
{
    private readonly ILiteCollection<DeliveryLedgerEntry> _entries;
    private readonly TimeProvider _time;

    public LiteDbDeliveryLedger(KnowledgeDatabase database, TimeProvider time, string collectionName)
    {
        _time = time;
        _entries = database.MappedCollection(collectionName, new DeliveryLedgerEntry());
        _entries.EnsureIndex(e => e.ChannelId);
        _entries.EnsureIndex(e => e.State);
    }

    public bool TryClaim(string id, string platform, string channelId, DateTimeOffset from, DateTimeOffset to, string owner)
    {
        try
        {
            _entries.Insert(new DeliveryLedgerEntry
            {
                Id = id, Platform = platform, ChannelId = channelId, PeriodStart = from.UtcDateTime, PeriodEnd = to.UtcDateTime,
                State = DigestDeliveryState.Claimed, Owner = owner, ClaimedAt = Now(),
            });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Complete(string id, DigestDeliveryState state, string? messageId, string? note)
    {
        var entry = _entries.FindById(id) ?? throw new InvalidOperationException($"No claim for the post {id}.");
        entry.State = state;
        entry.MessageId = messageId;
        entry.Note = note;
        entry.CompletedAt = Now();
        _entries.Update(entry);
    }

    public bool Release(string id) => _entries.Delete(id);

    public IReadOnlyList<DeliveryLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt)
    {
        var stale = _entries.Find(e => e.State == DigestDeliveryState.Claimed).ToList()
            .Where(e => e.Owner != owner && DeliveryLedgerEntry.Utc(e.ClaimedAt) < startedAt)
            .ToList();
        foreach (var entry in stale)
        {
            entry.State = DigestDeliveryState.Abandoned;
            entry.CompletedAt = Now();
            entry.Note = PostgresDeliveryLedger.AbandonedNote;
            _entries.Update(entry);
        }
        return stale;
    }

    public IReadOnlyList<DeliveryLedgerEntry> ForChannel(string platform, string channelId) =>
        _entries.Find(e => e.ChannelId == channelId).Where(e => e.Platform == platform).ToList();

    public IReadOnlyList<DeliveryLedgerEntry> InState(DigestDeliveryState state) => _entries.Find(e => e.State == state).ToList();

    public DeliveryLedgerEntry? Get(string id) => _entries.FindById(id);

    public IReadOnlyList<DeliveryLedgerEntry> All() => _entries.FindAll().ToList();

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
