using Bot.Knowledge.Storage.Postgres;

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

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    public PostgresDigestSubscriptionStore(PostgresDatabase database, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _database = database;
        _time = time;
    }

    public bool Subscribe(string platform, string channelId, string userId) => PostgresSession.Run(_database, c => c.Execute(
        "INSERT INTO digest_subscriptions (platform, channel_id, added_by, added_at) VALUES (@platform, @channel, @user, @now) " +
        "ON CONFLICT (platform, channel_id) DO NOTHING",
        ("platform", platform), ("channel", channelId), ("user", userId), ("now", _time.GetUtcNow().UtcDateTime)) == 1);

    public bool Unsubscribe(string platform, string channelId) => PostgresSession.Run(_database, c => c.Execute(
        "DELETE FROM digest_subscriptions WHERE platform = @platform AND channel_id = @channel",
        ("platform", platform), ("channel", channelId)) == 1);

    public IReadOnlyList<DigestSubscription> All() => PostgresSession.Run(_database, c => c.Query(
        "SELECT platform, channel_id, added_by, added_at FROM digest_subscriptions ORDER BY added_at, platform, channel_id",
        reader => new DigestSubscription
        {
            Id = DigestSubscription.IdOf(reader.GetString(0), reader.GetString(1)), Platform = reader.GetString(0),
            ChannelId = reader.GetString(1), AddedBy = reader.GetString(2), AddedAt = reader.GetDateTime(3),
        }));
}
