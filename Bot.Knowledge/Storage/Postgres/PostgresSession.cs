// System.Text.Json's, not the JsonSerializer of LiteDB (imported for the whole project).
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// Connections, commands and transactions for the PostgreSQL stores (knowledge and host state). A document's save opens a
/// transaction that data derived from it (its article figures) joins: the store writing it finds the transaction on this
/// thread, as LiteDB keeps one per thread.
/// </summary>
public static class PostgresSession
{
    [ThreadStatic] private static Ambient? t_ambient;

    private sealed record Ambient(PostgresDatabase Database, NpgsqlConnection Connection, NpgsqlTransaction Transaction);

    /// <summary>
    /// Runs <paramref name="work"/> in the transaction open on this thread for <paramref name="database"/>, else on a connection
    /// of its own.
    /// </summary>
    public static T Run<T>(PostgresDatabase database, Func<NpgsqlConnection, T> work)
    {
        if (t_ambient is { } ambient && ambient.Database == database) return work(ambient.Connection);
        using var connection = database.DataSource.OpenConnection();
        return work(connection);
    }

    public static void Run(PostgresDatabase database, Action<NpgsqlConnection> work) => Run(database, c => { work(c); return true; });

    /// <summary>
    /// Runs <paramref name="work"/> in a new transaction (joining the one open on this thread, if any), committed when it returns;
    /// stores called by <paramref name="work"/> on this thread write in the same transaction.
    /// </summary>
    public static T InTransaction<T>(PostgresDatabase database, Func<NpgsqlConnection, T> work)
    {
        if (t_ambient is { } outer && outer.Database == database) return work(outer.Connection);
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        t_ambient = new Ambient(database, connection, transaction);
        try
        {
            var result = work(connection);
            transaction.Commit();
            return result;
        }
        finally
        {
            t_ambient = null;
        }
    }

    public static void InTransaction(PostgresDatabase database, Action<NpgsqlConnection> work) =>
        InTransaction(database, c => { work(c); return true; });

    /// <summary>A command with named parameters (a null value is SQL NULL).</summary>
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static int Execute(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>One statement for each item, sent in batches (one round trip per batch: an import writes thousands of rows).</summary>
    public static void ExecuteMany<T>(
        this NpgsqlConnection connection, string sql, IEnumerable<T> items, Func<T, (string Name, object? Value)[]> parameters)
    {
        foreach (var chunk in items.Chunk(500))
        {
            using var batch = new NpgsqlBatch(connection);
            foreach (var item in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var (name, value) in parameters(item)) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                batch.BatchCommands.Add(command);
            }
            batch.ExecuteNonQuery();
        }
    }

    public static T? Scalar<T>(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteScalar() is T value ? value : default;
    }

    /// <summary>Every row of a query, read by <paramref name="map"/>.</summary>
    public static List<T> Query<T>(
        this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Records the stores keep whole as jsonb (layoff rows, notices, figures, feed state).</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value);

    public static T FromJson<T>(NpgsqlDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<T>(reader.GetString(ordinal)) ?? throw new InvalidDataException("A stored record is JSON null.");

    /// <summary>timestamptz takes UTC only; a time without a kind is UTC here, as everywhere in the knowledge base.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
