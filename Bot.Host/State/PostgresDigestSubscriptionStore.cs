using Bot.Knowledge.Storage.Postgres;
using Npgsql;

namespace Bot.Host.State;

/// <summary><see cref="IDigestSubscriptionStore"/> in PostgreSQL: every instance's scheduler sees a subscription made on any.</summary>
public sealed class PostgresDigestSubscriptionStore : IDigestSubscriptionStore
{
    public const string Module = "digest_subscriptions";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE digest_subscriptions (
            platform text NOT NULL,
            channel_id text NOT NULL,
            added_by text NOT NULL,
            added_at timestamptz NOT NULL,
            PRIMARY KEY (platform, channel_id))
        """,
    ];

    private readonly NpgsqlDataSource _data;
    private readonly TimeProvider _time;

    public PostgresDigestSubscriptionStore(PostgresDatabase database, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
        _time = time;
    }

    public bool Subscribe(string platform, string channelId, string userId)
    {
        using var command = _data.CreateCommand(
            "INSERT INTO digest_subscriptions (platform, channel_id, added_by, added_at) VALUES (@platform, @channel, @user, @now) " +
            "ON CONFLICT (platform, channel_id) DO NOTHING");
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("now", _time.GetUtcNow().UtcDateTime);
        return command.ExecuteNonQuery() == 1;
    }

    public bool Unsubscribe(string platform, string channelId)
    {
        using var command = _data.CreateCommand("DELETE FROM digest_subscriptions WHERE platform = @platform AND channel_id = @channel");
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("channel", channelId);
        return command.ExecuteNonQuery() == 1;
    }

    public IReadOnlyList<DigestSubscription> All()
    {
        using var command = _data.CreateCommand(
            "SELECT platform, channel_id, added_by, added_at FROM digest_subscriptions ORDER BY added_at, platform, channel_id");
        using var reader = command.ExecuteReader();
        var all = new List<DigestSubscription>();
        while (reader.Read())
        {
            var (platform, channel) = (reader.GetString(0), reader.GetString(1));
            all.Add(new DigestSubscription
            {
                Id = DigestSubscription.IdOf(platform, channel), Platform = platform, ChannelId = channel, AddedBy = reader.GetString(2),
                AddedAt = reader.GetDateTime(3),
            });
        }
        return all;
    }
}
