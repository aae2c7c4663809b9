namespace Bot.Host.State;

/// <summary>
/// <see cref="IDeliveryLedger"/> in PostgreSQL, shared by every instance: a claim is
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> on the primary key (ledger, id), so of any number of instances racing for
/// one post exactly one inserts the row. Several ledgers share the table, told apart by <paramref name="ledger"/>.
/// </summary>
public sealed class PostgresDeliveryLedger(PostgresDatabase database, TimeProvider time, string ledger)
    : PostgresStore(database, Module), IDeliveryLedger
{
    public const string Module = "deliveryledger";

    /// <summary>
    /// Another instance's claim this young may still be in flight (a post takes seconds, an HTTP timeout at most a few
    /// minutes): only older ones are taken for a stopped process's when an instance starts.
    /// </summary>
    public static readonly TimeSpan LiveClaimGrace = TimeSpan.FromMinutes(10);

    internal const string AbandonedNote = "claimed by a process that stopped before confirming the post; not re-posted (at-most-once)";

    private const string Columns =
        "id, platform, channel_id, period_start, period_end, state, owner, claimed_at, completed_at, message_id, note";

    public bool TryClaim(string id, string platform, string channelId, DateTimeOffset from, DateTimeOffset to, string owner) => Execute(
        "INSERT INTO delivery_claims (ledger, id, platform, channel_id, period_start, period_end, state, owner, claimed_at) " +
        "VALUES (@ledger, @id, @platform, @channel, @from, @to, @state, @owner, @now) ON CONFLICT (ledger, id) DO NOTHING",
        ("id", id), ("platform", platform), ("channel", channelId), ("from", from.UtcDateTime), ("to", to.UtcDateTime),
        ("state", nameof(DigestDeliveryState.Claimed)), ("owner", owner), ("now", Now())) == 1;

    public void Complete(string id, DigestDeliveryState state, string? messageId, string? note)
    {
        var updated = Execute(
            "UPDATE delivery_claims SET state = @state, message_id = @message, note = @note, completed_at = @now " +
            "WHERE ledger = @ledger AND id = @id",
            ("id", id), ("state", state.ToString()), ("message", messageId), ("note", note), ("now", Now()));
        if (updated == 0) throw new InvalidOperationException($"No claim for the post {id}.");
    }

    public bool Release(string id) => Execute("DELETE FROM delivery_claims WHERE ledger = @ledger AND id = @id", ("id", id)) == 1;

    // One statement: two instances starting at once each abandon a given claim at most once between them.
    public IReadOnlyList<DeliveryLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt) => Query(
        "UPDATE delivery_claims SET state = @abandoned, completed_at = @now, note = @note " +
        "WHERE ledger = @ledger AND state = @claimed " +
        $"AND owner <> @owner AND claimed_at < @before RETURNING {Columns}",
        ("abandoned", nameof(DigestDeliveryState.Abandoned)), ("claimed", nameof(DigestDeliveryState.Claimed)), ("now", Now()),
        ("note", AbandonedNote), ("owner", owner), ("before", (startedAt - LiveClaimGrace).UtcDateTime));

    public IReadOnlyList<DeliveryLedgerEntry> ForChannel(string platform, string channelId) => Query(
        $"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger AND platform = @platform AND channel_id = @channel",
        ("platform", platform), ("channel", channelId));

    public IReadOnlyList<DeliveryLedgerEntry> InState(DigestDeliveryState state) =>
        Query($"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger AND state = @state", ("state", state.ToString()));

    public DeliveryLedgerEntry? Get(string id) =>
        Query($"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger AND id = @id", ("id", id)).SingleOrDefault();

    public IReadOnlyList<DeliveryLedgerEntry> All() =>
        Query($"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger ORDER BY claimed_at, id");

    /// <summary>Every statement is about this ledger's rows: @ledger is always bound.</summary>
    private int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Run(c => c.Execute(sql, [("ledger", ledger), .. parameters]));

    private List<DeliveryLedgerEntry> Query(string sql, params (string Name, object? Value)[] parameters) =>
        Run(c => c.Query(sql, Read, [("ledger", ledger), .. parameters]));

    private static DeliveryLedgerEntry Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0), Platform = reader.GetString(1), ChannelId = reader.GetString(2),
        PeriodStart = reader.GetDateTime(3), PeriodEnd = reader.GetDateTime(4),
        State = Enum.Parse<DigestDeliveryState>(reader.GetString(5)), Owner = reader.GetString(6),
        ClaimedAt = reader.GetDateTime(7),
        CompletedAt = reader.IsDBNull(8) ? null : reader.GetDateTime(8),
        MessageId = reader.IsDBNull(9) ? null : reader.GetString(9), Note = reader.IsDBNull(10) ? null : reader.GetString(10),
    };

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
