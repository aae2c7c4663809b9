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

    private readonly NpgsqlDataSource _data;
    private readonly TimeProvider _time;
    private long _lastPrunedTicks;

    public PostgresInboundDeduplicator(PostgresDatabase database, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
        _time = time;
        _lastPrunedTicks = time.GetUtcNow().UtcTicks;
    }

    public bool TryMarkFirst(string platform, string id)
    {
        var now = _time.GetUtcNow();
        var cutoff = (now - IInboundDeduplicator.Window).UtcDateTime;
        PruneNowAndThen(now, cutoff);
        // A concurrent insert of the same key waits for the first to commit, then sees a fresh row and updates nothing.
        using var command = _data.CreateCommand(
            "INSERT INTO inbound_seen (platform, id, seen_at) VALUES (@platform, @id, @now) " +
            "ON CONFLICT (platform, id) DO UPDATE SET seen_at = excluded.seen_at WHERE inbound_seen.seen_at < @cutoff");
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("cutoff", cutoff);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>How many ids the table holds (expired ones included until the next pruning).</summary>
    public long Count()
    {
        using var command = _data.CreateCommand("SELECT count(*) FROM inbound_seen");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Deletes expired rows once per window, so the table holds about one window of ids.</summary>
    private void PruneNowAndThen(DateTimeOffset now, DateTime cutoff)
    {
        var last = Interlocked.Read(ref _lastPrunedTicks);
        if (now.UtcTicks - last < IInboundDeduplicator.Window.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastPrunedTicks, now.UtcTicks, last) != last) return; // another thread prunes
        using var command = _data.CreateCommand("DELETE FROM inbound_seen WHERE seen_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.ExecuteNonQuery();
    }
}
