namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// One PostgreSQL database shared by several bot instances (<c>Knowledge:Store = postgres</c>). Each store
/// module (documents, layoff data, delivery ledger, ...) owns its tables and an ordered list of migrations;
/// <see cref="EnsureModule"/> applies the missing ones at start, so modules evolve without knowing each other.
/// </summary>
public sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    // Any fixed number: instances starting at once take turns migrating.
    private const long MigrationLockKey = 0x4C61796F6666;

    public PostgresDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("Knowledge:ConnectionString must name a PostgreSQL database when Knowledge:Store is postgres.");
        DataSource = NpgsqlDataSource.Create(connectionString);
        var where = new NpgsqlConnectionStringBuilder(connectionString);
        Name = $"{where.Host}:{where.Port}/{where.Database}"; // never the password
    }

    /// <summary>Host, port and database, for messages.</summary>
    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// Brings <paramref name="module"/> up to <c>migrations.Count</c>: migration i (0-based) moves it from version i to
    /// i + 1. Each runs in its own transaction under an advisory lock; a migration is never edited once released, only appended.
    /// </summary>
    public void EnsureModule(string module, IReadOnlyList<string> migrations)
    {
        using var connection = Open();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            lockCommand.ExecuteNonQuery();
        }
        try
        {
            // Under the lock: CREATE TABLE IF NOT EXISTS races with itself in PostgreSQL.
            using (var versions = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS schema_versions (module text PRIMARY KEY, version integer NOT NULL)", connection))
                versions.ExecuteNonQuery();
            var current = CurrentVersion(connection, module);
            if (current > migrations.Count)
                throw new KnowledgeDatabaseException(connection.Database ?? "(postgres)",
                    $"The PostgreSQL schema of '{module}' is at version {current}, newer than this build understands " +
                        $"({migrations.Count}). Upgrade LayoffBot.");
            for (var version = current; version < migrations.Count; version++)
            {
                using var transaction = connection.BeginTransaction();
                using (var migrate = new NpgsqlCommand(migrations[version], connection, transaction)) migrate.ExecuteNonQuery();
                using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_versions (module, version) VALUES (@module, @version) " +
                    "ON CONFLICT (module) DO UPDATE SET version = excluded.version", connection, transaction))
                {
                    record.Parameters.AddWithValue("module", module);
                    record.Parameters.AddWithValue("version", version + 1);
                    record.ExecuteNonQuery();
                }
                transaction.Commit();
            }
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>The version <paramref name="module"/> is at (0 when it has never been created).</summary>
    public int ModuleVersion(string module)
    {
        using var connection = Open();
        return CurrentVersion(connection, module);
    }

    /// <summary>A connection, or one clear error an operator can act on (unreachable server, refused login, no such database).</summary>
    private NpgsqlConnection Open()
    {
        try
        {
            return DataSource.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw new KnowledgeDatabaseException(Name,
                $"cannot reach the PostgreSQL knowledge base at {Name} ({e.Message}); check that the server runs and that "
                + "Knowledge:ConnectionString names it, with the right user and password.", e);
        }
    }

    private static int CurrentVersion(NpgsqlConnection connection, string module)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_versions') IS NOT NULL", connection))
            if (exists.ExecuteScalar() is not true) return 0;
        using var command = new NpgsqlCommand("SELECT version FROM schema_versions WHERE module = @module", connection);
        command.Parameters.AddWithValue("module", module);
        return command.ExecuteScalar() is int version ? version : 0;
    }

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
