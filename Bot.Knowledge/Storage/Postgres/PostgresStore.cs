namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// A store that owns one module of tables (<see cref="PostgresDatabase.EnsureModule"/>): migrated when the store is built, by the
/// SQL files its assembly embeds (<see cref="PostgresMigrations"/>), then each call runs on a connection of its own, or in the
/// transaction open on this thread (<see cref="PostgresSession"/>).
/// </summary>
public abstract class PostgresStore
{
    protected PostgresStore(PostgresDatabase database, string module)
    {
        database.EnsureModule(module, PostgresMigrations.Of(GetType().Assembly, module));
        Database = database;
    }

    protected PostgresDatabase Database { get; }

    protected T Run<T>(Func<NpgsqlConnection, T> work) => PostgresSession.Run(Database, work);

    protected void Run(Action<NpgsqlConnection> work) => PostgresSession.Run(Database, work);

    protected T InTransaction<T>(Func<NpgsqlConnection, T> work) => PostgresSession.InTransaction(Database, work);

    protected void InTransaction(Action<NpgsqlConnection> work) => PostgresSession.InTransaction(Database, work);
}
