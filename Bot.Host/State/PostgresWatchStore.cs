using Bot.Knowledge.Storage.Postgres;
using Bot.Knowledge.Watches;
using Npgsql;

namespace Bot.Host.State;

/// <summary>
/// <see cref="IWatchStore"/> in PostgreSQL, shared by every instance. Known sources are a text array merged in one
/// UPDATE, so two instances marking rounds known at once lose neither's keys.
/// </summary>
public sealed class PostgresWatchStore : IWatchStore
{
    public const string Module = "watches";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE watches (
            id text PRIMARY KEY,
            platform text NOT NULL,
            channel_id text NOT NULL,
            company text NOT NULL,
            company_key text NOT NULL,
            added_by text NOT NULL,
            added_at timestamptz NOT NULL,
            known_sources text[] NOT NULL);
        CREATE INDEX watches_channel ON watches (platform, channel_id)
        """,
    ];

    private const string Columns = "id, platform, channel_id, company, company_key, added_by, added_at, known_sources";

    private readonly NpgsqlDataSource _data;

    public PostgresWatchStore(PostgresDatabase database)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
    }

    public bool TryAdd(CompanyWatch watch)
    {
        using var command = _data.CreateCommand(
            $"INSERT INTO watches ({Columns}) VALUES (@id, @platform, @channel, @company, @key, @by, @at, @known) " +
            "ON CONFLICT (id) DO NOTHING");
        command.Parameters.AddWithValue("id", watch.Id);
        command.Parameters.AddWithValue("platform", watch.Platform);
        command.Parameters.AddWithValue("channel", watch.ChannelId);
        command.Parameters.AddWithValue("company", watch.Company);
        command.Parameters.AddWithValue("key", watch.CompanyKey);
        command.Parameters.AddWithValue("by", watch.AddedBy);
        command.Parameters.AddWithValue("at", DateTime.SpecifyKind(watch.AddedAt.ToUniversalTime(), DateTimeKind.Utc));
        command.Parameters.AddWithValue("known", watch.KnownSources.ToArray());
        return command.ExecuteNonQuery() == 1;
    }

    public bool Remove(string watchId)
    {
        using var command = _data.CreateCommand("DELETE FROM watches WHERE id = @id");
        command.Parameters.AddWithValue("id", watchId);
        return command.ExecuteNonQuery() == 1;
    }

    public IReadOnlyList<CompanyWatch> InChannel(string platform, string channelId)
    {
        using var command = _data.CreateCommand($"SELECT {Columns} FROM watches WHERE platform = @platform AND channel_id = @channel");
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("channel", channelId);
        return Read(command).OrderBy(w => w.Company, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public IReadOnlyList<CompanyWatch> All()
    {
        using var command = _data.CreateCommand($"SELECT {Columns} FROM watches ORDER BY added_at, id");
        return Read(command);
    }

    public void MarkKnown(string watchId, IEnumerable<string> sourceKeys)
    {
        using var command = _data.CreateCommand(
            "UPDATE watches SET known_sources = ARRAY(SELECT DISTINCT k FROM unnest(known_sources || @keys) AS k) WHERE id = @id");
        command.Parameters.AddWithValue("id", watchId);
        command.Parameters.AddWithValue("keys", sourceKeys.ToArray());
        command.ExecuteNonQuery(); // no row: removed meanwhile
    }

    private static List<CompanyWatch> Read(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var watches = new List<CompanyWatch>();
        while (reader.Read())
        {
            watches.Add(new CompanyWatch
            {
                Id = reader.GetString(0), Platform = reader.GetString(1), ChannelId = reader.GetString(2), Company = reader.GetString(3),
                CompanyKey = reader.GetString(4), AddedBy = reader.GetString(5), AddedAt = reader.GetDateTime(6),
                KnownSources = reader.GetFieldValue<string[]>(7).ToList(),
            });
        }
        return watches;
    }
}
