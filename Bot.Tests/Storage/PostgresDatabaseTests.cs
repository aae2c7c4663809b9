using Bot.Knowledge.Storage.Postgres;
using Npgsql;

namespace Bot.Tests.Storage;

public sealed class PostgresDatabaseTests
{
    private static readonly string[] TwoSteps =
    [
        "CREATE TABLE widgets (id text PRIMARY KEY)",
        "ALTER TABLE widgets ADD COLUMN size integer NOT NULL DEFAULT 0",
    ];

    [Fact]
    public async Task A_module_is_migrated_step_by_step_and_only_once()
    {
        await using var test = await PostgresTestDatabase.CreateAsync();
        using (var first = new PostgresDatabase(test.ConnectionString))
        {
            Assert.Equal(0, first.ModuleVersion("widgets")); // a fresh database has no version table yet
            first.EnsureModule("widgets", TwoSteps[..1]);
        }
        using var database = new PostgresDatabase(test.ConnectionString);
        database.EnsureModule("widgets", TwoSteps);
        database.EnsureModule("widgets", TwoSteps); // a second start changes nothing

        Assert.Equal(2, database.ModuleVersion("widgets"));
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO widgets (id, size) VALUES ('a', 3)", connection);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Instances_starting_at_once_migrate_once()
    {
        await using var test = await PostgresTestDatabase.CreateAsync();
        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var database = new PostgresDatabase(test.ConnectionString);
            database.EnsureModule("widgets", TwoSteps);
        }));
        await Task.WhenAll(starts);

        using var check = new PostgresDatabase(test.ConnectionString);
        Assert.Equal(2, check.ModuleVersion("widgets"));
    }

    [Fact]
    public async Task A_schema_newer_than_the_build_is_refused_with_a_clear_error()
    {
        await using var test = await PostgresTestDatabase.CreateAsync();
        using var database = new PostgresDatabase(test.ConnectionString);
        database.EnsureModule("widgets", TwoSteps);

        var error = Assert.Throws<KnowledgeDatabaseException>(() => database.EnsureModule("widgets", TwoSteps[..1]));
        Assert.Contains("newer than this build", error.Message);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_one_clear_error_without_the_password()
    {
        await using var test = await PostgresTestDatabase.CreateAsync();
        var missing = new NpgsqlConnectionStringBuilder(test.ConnectionString) { Database = test.Name + "_missing", Pooling = false };
        using var database = new PostgresDatabase(missing.ConnectionString);

        var error = Assert.Throws<KnowledgeDatabaseException>(() => database.EnsureModule("widgets", TwoSteps));

        Assert.StartsWith($"cannot reach the PostgreSQL knowledge base at {missing.Host}:{missing.Port}/{missing.Database} (",
            error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.DoesNotContain(missing.Password!, error.Message);
    }
}
