using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.Storage;

/// <summary>The migrations each project embeds as <c>Migrations/{module}.{n}.sql</c>, read in version order.</summary>
public sealed class PostgresMigrationsTests
{
    [Fact]
    public void A_module_has_its_files_in_version_order()
    {
        var migrations = PostgresMigrations.Of(typeof(PostgresDocumentStore).Assembly, PostgresDocumentStore.Module);

        Assert.Equal(2, migrations.Count);
        Assert.Contains("CREATE TABLE documents", migrations[0]);
        Assert.Contains("CREATE TABLE document_changes", migrations[1]);
    }

    [Fact]
    public void Each_project_embeds_the_migrations_of_its_own_modules()
    {
        var watches = PostgresMigrations.Of(typeof(PostgresWatchStore).Assembly, PostgresWatchStore.Module);

        Assert.Contains("CREATE TABLE watches", Assert.Single(watches));
        Assert.Throws<InvalidOperationException>(() =>
            PostgresMigrations.Of(typeof(PostgresDocumentStore).Assembly, PostgresWatchStore.Module));
    }

    [Fact]
    public void A_module_without_files_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            PostgresMigrations.Of(typeof(PostgresDocumentStore).Assembly, "no_such_module"));

        Assert.Contains("'no_such_module'", error.Message);
    }
}
