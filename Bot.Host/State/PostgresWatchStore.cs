namespace Bot.Host.State;

/// <summary>
/// <see cref="IWatchStore"/> in PostgreSQL, shared by every instance. Known sources are a text array merged in one
/// UPDATE, so two instances marking rounds known at once lose neither's keys.
/// </summary>
public sealed class PostgresWatchStore(PostgresDatabase database)
    : PostgresStore(database, Module), IWatchStore
{
    public const string Module = "watches";

    private const string Columns = "id, platform, channel_id, company, company_key, added_by, added_at, known_sources";

    public bool TryAdd(CompanyWatch watch) => Run(c => c.Execute(
        $"INSERT INTO watches ({Columns}) VALUES (@id, @platform, @channel, @company, @key, @by, @at, @known) " +
        "ON CONFLICT (id) DO NOTHING",
        ("id", watch.Id), ("platform", watch.Platform), ("channel", watch.ChannelId), ("company", watch.Company),
        ("key", watch.CompanyKey), ("by", watch.AddedBy), ("at", watch.AddedAt.ToUniversalTime()),
        ("known", watch.KnownSources.ToArray())) == 1);

    public bool Remove(string watchId) => Run(c => c.Execute("DELETE FROM watches WHERE id = @id", ("id", watchId)) == 1);

    public IReadOnlyList<CompanyWatch> InChannel(string platform, string channelId) =>
        Run(c => c.Query($"SELECT {Columns} FROM watches WHERE platform = @platform AND channel_id = @channel", Read,
            ("platform", platform), ("channel", channelId)))
        .OrderBy(w => w.Company, StringComparer.OrdinalIgnoreCase).ToList();

    public IReadOnlyList<CompanyWatch> All() => Run(c => c.Query($"SELECT {Columns} FROM watches ORDER BY added_at, id", Read));

    public void MarkKnown(string watchId, IEnumerable<string> sourceKeys) => Run(c => c.Execute(
        "UPDATE watches SET known_sources = ARRAY(SELECT DISTINCT k FROM unnest(known_sources || @keys) AS k) WHERE id = @id",
        ("id", watchId), ("keys", sourceKeys.ToArray()))); // no row: removed meanwhile

    private static CompanyWatch Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0), Platform = reader.GetString(1), ChannelId = reader.GetString(2), Company = reader.GetString(3),
        CompanyKey = reader.GetString(4), AddedBy = reader.GetString(5), AddedAt = reader.GetDateTime(6),
        KnownSources = reader.GetFieldValue<string[]>(7).ToList(),
    };
}
