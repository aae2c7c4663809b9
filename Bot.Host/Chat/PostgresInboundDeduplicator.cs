using Bot.Knowledge.Storage.Postgres;
using Npgsql;

namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IInboundDeduplicator"/> in PostgreSQL: the first instance to insert (platform, id) answers it; a row older
/// than the window counts as new again (as the in-memory one forgets), and such rows are deleted now and then.
/// </summary>
internal sealed class PostgresInboundDeduplicator : IInboundDeduplicator
{
    public const string Module = "inbound_seen";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE inbound_seen (
            platform text NOT NULL,
            id text NOT NULL,
            seen_at timestamptz NOT NULL,
            PRIMARY KEY (platform, id));
        CREATE INDEX inbound_seen_at ON inbound_seen (seen_at)
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private long _lastPrunedTicks;

    public PostgresInboundDeduplicator(PostgresDatabase database, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _database = database;
        _time = time;
        _lastPrunedTicks = time.GetUtcNow().UtcTicks;
    }

    public bool TryMarkFirst(string platform, string id)
    {
        var now = _time.GetUtcNow();
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
        var last = Interlocked.Read(ref _lastPrunedTicks);
        if (now.UtcTicks - last < IInboundDeduplicator.Window.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastPrunedTicks, now.UtcTicks, last) != last) return; // another thread prunes
        Run(c => c.Execute("DELETE FROM inbound_seen WHERE seen_at < @cutoff", ("cutoff", cutoff)));
    }

    private T Run<T>(Func<NpgsqlConnection, T> work) => PostgresSession.Run(_database, work);
}
