using Bot.Knowledge.Storage;
using LiteDB;

namespace Bot.Knowledge.Digest;

/// <summary>
/// Claim before send, in one LiteDB collection of the knowledge base: a post is claimed by inserting its entry
/// under a deterministic id (LiteDB refuses a second insert of that id, so of two instances over the same database
/// only one sends), then marked sent, skipped or failed; a failure the platform reported releases the claim. An entry
/// still claimed when a new process starts belonged to a process that stopped between claim and send: it is marked
/// abandoned and never re-posted (at-most-once). <see cref="DigestLedger"/> and the watch alerts keep one each.
/// </summary>
public sealed class DeliveryLedger
{
    private static readonly Lock MappingGate = new();
    private readonly ILiteCollection<DeliveryLedgerEntry> _entries;
    private readonly TimeProvider _time;

    public DeliveryLedger(KnowledgeDatabase database, TimeProvider time, string collectionName)
    {
        _time = time;
        // LiteDB builds a type's member map lazily and not thread-safely (litedb-org/LiteDB#2536): build it once, under a lock.
        lock (MappingGate) database.Database.Mapper.ToDocument(new DeliveryLedgerEntry());
        _entries = database.Database.GetCollection<DeliveryLedgerEntry>(collectionName);
        _entries.EnsureIndex(e => e.ChannelId);
        _entries.EnsureIndex(e => e.State);
    }

    /// <summary>True when this caller now owns the post <paramref name="id"/>; false when someone already claimed it.</summary>
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

    /// <summary>Gives the claim up after a failure the platform reported (nothing was posted), so a later attempt may send it.</summary>
    public bool Release(string id) => _entries.Delete(id);

    /// <summary>
    /// Claims left by earlier processes (claimed before <paramref name="startedAt"/> by another owner and never
    /// completed) become <see cref="DigestDeliveryState.Abandoned"/>; returns them so the caller can log each.
    /// </summary>
    public IReadOnlyList<DeliveryLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt)
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

    public IEnumerable<DeliveryLedgerEntry> ForChannel(string platform, string channelId) =>
        _entries.Find(e => e.ChannelId == channelId).Where(e => e.Platform == platform);

    public IEnumerable<DeliveryLedgerEntry> InState(DigestDeliveryState state) => _entries.Find(e => e.State == state);

    public DeliveryLedgerEntry? Get(string id) => _entries.FindById(id);

    public IReadOnlyList<DeliveryLedgerEntry> All() => _entries.FindAll().ToList();

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    /// <summary>LiteDB hands dates back in local time; the ledger works in UTC instants.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}
