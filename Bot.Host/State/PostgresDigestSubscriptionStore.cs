namespace Bot.Host.State;

/// <summary><see cref="IDigestSubscriptionStore"/> in PostgreSQL: every instance's scheduler sees a subscription made on any.</summary>
public sealed class PostgresDigestSubscriptionStore(PostgresDatabase database, TimeProvider time)
    : PostgresStore(database, Module), IDigestSubscriptionStore
{
    public const string Module = "digest_subscriptions";

    public bool Subscribe(string platform, string channelId, string userId) => Run(c => c.Execute(
        "INSERT INTO digest_subscriptions (platform, channel_id, added_by, added_at) VALUES (@platform, @channel, @user, @now) " +
        "ON CONFLICT (platform, channel_id) DO NOTHING",
        ("platform", platform), ("channel", channelId), ("user", userId), ("now", time.GetUtcNow().UtcDateTime)) == 1);

    public bool Unsubscribe(string platform, string channelId) => Run(c => c.Execute(
        "DELETE FROM digest_subscriptions WHERE platform = @platform AND channel_id = @channel",
        ("platform", platform), ("channel", channelId)) == 1);

    public IReadOnlyList<DigestSubscription> All() => Run(c => c.Query(
        "SELECT platform, channel_id, added_by, added_at FROM digest_subscriptions ORDER BY added_at, platform, channel_id",
        reader => new DigestSubscription
        {
            Id = DigestSubscription.IdOf(reader.GetString(0), reader.GetString(1)), Platform = reader.GetString(0),
            ChannelId = reader.GetString(1), AddedBy = reader.GetString(2), AddedAt = reader.GetDateTime(3),
        }));
}
