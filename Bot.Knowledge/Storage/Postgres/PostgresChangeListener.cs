namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// Hears the revisions other instances commit (<see cref="PostgresDocumentStore.ChangeChannel"/>) on a connection it keeps
/// while it listens (returned to the pool, a connection is reset, which ends its LISTEN).
/// </summary>
public sealed class PostgresChangeListener(PostgresDatabase database)
{
    /// <summary>How long the connection may stay silent before it is probed, so a connection lost without a word is noticed.</summary>
    public static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Listens until cancelled: <paramref name="onListening"/> once the LISTEN is in place (a change committed after it is heard),
    /// <paramref name="onChange"/> with each revision heard. Throws when the connection fails; the caller reconnects.
    /// </summary>
    public async Task ListenAsync(Action onListening, Action<long> onChange, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) =>
        {
            if (e.Channel == PostgresDocumentStore.ChangeChannel
                && long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
                onChange(revision);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDocumentStore.ChangeChannel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        onListening();
        while (true)
        {
            if (await connection.WaitAsync(ProbeAfter, cancellationToken)) continue;
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(cancellationToken);
        }
    }
}
