namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IInboundDeduplicator"/> in PostgreSQL: the first instance to insert (platform, id) answers it; a row older
/// than the window counts as new again (as the in-memory one forgets), and such rows are deleted now and then.
/// </summary>
internal sealed class PostgresInboundDeduplicator(PostgresDatabase database, TimeProvider time)
    : PostgresStore(database, Module), IInboundDeduplicator
{
    public const string Module = "inbound_seen";

    private readonly OccasionalPrune _prune = new(time, IInboundDeduplicator.Window);

    public bool TryMarkFirst(string platform, string id)
    {
        var now = time.GetUtcNow();
        var cutoff = (now - IInboundDeduplicator.Window).UtcDateTime;
        PruneNowAndThen(now, cutoff);
        // A concurrent insert of the same key waits for the first to commit, then sees a fresh row and updates nothing.
        return Run(c => c.Execute(
            "INSERT INTO inbound_seen (platform, id, seen_at) VALUES (@platform, @id, @now) " +
            "ON CONFLICT (platform, id) DO UPDATE SET seen_at = excluded.seen_at WHERE inbound_seen.seen_at < @cutoff",
            ("platform", platform), ("id", id), ("now", now.UtcDateTime), ("cutoff", cutoff))) == 1;
    }

    /// <summary>How many ids the table holds (expired ones included until the next pruning).</summary>
    public long Count() => Run(c => c.Scalar<long>("SELECT count(*) FROM inbound_seen"));

    /// <summary>Deletes expired rows once per window, so the table holds about one window of ids.</summary>
    private void PruneNowAndThen(DateTimeOffset now, DateTime cutoff)
    {
        if (_prune.Due(now)) Run(c => c.Execute("DELETE FROM inbound_seen WHERE seen_at < @cutoff", ("cutoff", cutoff)));
    }
}
