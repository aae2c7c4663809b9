using Npgsql;

namespace Bot.Tests.Support;

/// <summary>
/// The PostgreSQL server the store tests run against, named by <c>LAYOFFBOT_TEST_POSTGRES</c> (an Npgsql
/// connection string to a role that may create databases; <c>.ci/run</c> installs and starts one and sets it).
/// Each test gets its own fresh database, dropped on dispose. Without a server the test is skipped, saying why,
/// unless <c>LAYOFFBOT_REQUIRE_POSTGRES=1</c> (set by <c>.ci/run</c>) makes that a failure.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable, IDisposable
{
    public const string ServerVariable = "LAYOFFBOT_TEST_POSTGRES";
    public const string RequireVariable = "LAYOFFBOT_REQUIRE_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>The database's name (unique per test).</summary>
    public string Name { get; }

    /// <summary>Connects to this test's database.</summary>
    public string ConnectionString { get; }

    /// <summary>A new empty database, or a skip (or failure, on CI) when no server is configured or reachable.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        var required = Environment.GetEnvironmentVariable(RequireVariable) == "1";
        if (string.IsNullOrWhiteSpace(server))
        {
            var why = $"No PostgreSQL server: set {ServerVariable} to an Npgsql connection string (.ci/run starts one and sets it).";
            if (required) Assert.Fail(why);
            Assert.Skip(why);
        }
        var name = "layoffbot_test_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var connection = new
                NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e) when (!required)
        {
            Assert.Skip($"PostgreSQL at {ServerVariable} is not reachable: {e.Message}");
        }
        return new PostgresTestDatabase(server!, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new
            NpgsqlConnection(new NpgsqlConnectionStringBuilder(_serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        // An autovacuum worker analysing the tables a test just filled is a session this role may not end (42501 on
        // PostgreSQL 15): it finishes within moments, so the drop is tried again for a while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
