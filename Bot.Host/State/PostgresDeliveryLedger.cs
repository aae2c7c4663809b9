using Bot.Knowledge.Storage.Postgres;
using Npgsql;

namespace Bot.Host.State;

/// <summary>
/// <see cref="IDeliveryLedger"/> in PostgreSQL, shared by every instance: a claim is
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> on the primary key (ledger, id), so of any number of instances racing for
/// one post exactly one inserts the row. Several ledgers share the table, told apart by <paramref name="ledger"/>.
/// </summary>
public sealed class PostgresDeliveryLedger : IDeliveryLedger
{
    public const string Module = "delivery_ledger";

    /// <summary>
    /// Another instance's claim this young may still be in flight (a post takes seconds, an HTTP timeout at most a few
    /// minutes): only older ones are taken for a stopped process's when an instance starts.
    /// </summary>
    public static readonly TimeSpan LiveClaimGrace = TimeSpan.FromMinutes(10);

    internal const string AbandonedNote = "claimed by a process that stopped before confirming the post; not re-posted (at-most-once)";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE delivery_claims (
            ledger text NOT NULL,
            id text NOT NULL,
            platform text NOT NULL,
            channel_id text NOT NULL,
            period_start timestamptz NOT NULL,
            period_end timestamptz NOT NULL,
            state text NOT NULL,
            owner text NOT NULL,
            claimed_at timestamptz NOT NULL,
            completed_at timestamptz,
            message_id text,
            note text,
            PRIMARY KEY (ledger, id));
        CREATE INDEX delivery_claims_channel ON delivery_claims (ledger, platform, channel_id);
        CREATE INDEX delivery_claims_state ON delivery_claims (ledger, state)
        """,
    ];

    private const string Columns =
        "id, platform, channel_id, period_start, period_end, state, owner, claimed_at, completed_at, message_id, note";

    private readonly NpgsqlDataSource _data;
    private readonly TimeProvider _time;
    private readonly string _ledger;

    public PostgresDeliveryLedger(PostgresDatabase database, TimeProvider time, string ledger)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
        _time = time;
        _ledger = ledger;
    }

    public bool TryClaim(string id, string platform, string channelId, DateTimeOffset from, DateTimeOffset to, string owner)
    {
        using var command = Command(
            "INSERT INTO delivery_claims (ledger, id, platform, channel_id, period_start, period_end, state, owner, claimed_at) " +
            "VALUES (@ledger, @id, @platform, @channel, @from, @to, @state, @owner, @now) ON CONFLICT (ledger, id) DO NOTHING");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("from", from.UtcDateTime);
        command.Parameters.AddWithValue("to", to.UtcDateTime);
        command.Parameters.AddWithValue("state", nameof(DigestDeliveryState.Claimed));
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", Now());
        return command.ExecuteNonQuery() == 1;
    }

    public void Complete(string id, DigestDeliveryState state, string? messageId, string? note)
    {
        using var command = Command(
            "UPDATE delivery_claims SET state = @state, message_id = @message, note = @note, completed_at = @now " +
            "WHERE ledger = @ledger AND id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("state", state.ToString());
        command.Parameters.AddWithValue("message", (object?)messageId ?? DBNull.Value);
        command.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
        command.Parameters.AddWithValue("now", Now());
        if (command.ExecuteNonQuery() == 0) throw new InvalidOperationException($"No claim for the post {id}.");
    }

    public bool Release(string id)
    {
        using var command = Command("DELETE FROM delivery_claims WHERE ledger = @ledger AND id = @id");
        command.Parameters.AddWithValue("id", id);
        return command.ExecuteNonQuery() == 1;
    }

    public IReadOnlyList<DeliveryLedgerEntry> AbandonStaleClaims(string owner, DateTimeOffset startedAt)
    {
        // One statement: two instances starting at once each abandon a given claim at most once between them.
        using var command = Command(
            "UPDATE delivery_claims SET state = @abandoned, completed_at = @now, note = @note " +
            "WHERE ledger = @ledger AND state = @claimed " +
            $"AND owner <> @owner AND claimed_at < @before RETURNING {Columns}");
        command.Parameters.AddWithValue("abandoned", nameof(DigestDeliveryState.Abandoned));
        command.Parameters.AddWithValue("claimed", nameof(DigestDeliveryState.Claimed));
        command.Parameters.AddWithValue("now", Now());
        command.Parameters.AddWithValue("note", AbandonedNote);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("before", (startedAt - LiveClaimGrace).UtcDateTime);
        return Read(command);
    }

    public IReadOnlyList<DeliveryLedgerEntry> ForChannel(string platform, string channelId)
    {
        using var command = Command(
            $"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger AND platform = @platform AND channel_id = @channel");
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("channel", channelId);
        return Read(command);
    }

    public IReadOnlyList<DeliveryLedgerEntry> InState(DigestDeliveryState state)
    {
        using var command = Command($"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger AND state = @state");
        command.Parameters.AddWithValue("state", state.ToString());
        return Read(command);
    }

    public DeliveryLedgerEntry? Get(string id)
    {
        using var command = Command($"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger AND id = @id");
        command.Parameters.AddWithValue("id", id);
        return Read(command).SingleOrDefault();
    }

    public IReadOnlyList<DeliveryLedgerEntry> All()
    {
        using var command = Command($"SELECT {Columns} FROM delivery_claims WHERE ledger = @ledger ORDER BY claimed_at, id");
        return Read(command);
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = _data.CreateCommand(sql);
        command.Parameters.AddWithValue("ledger", _ledger);
        return command;
    }

    private static List<DeliveryLedgerEntry> Read(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<DeliveryLedgerEntry>();
        while (reader.Read())
        {
            entries.Add(new DeliveryLedgerEntry
            {
                Id = reader.GetString(0), Platform = reader.GetString(1), ChannelId = reader.GetString(2),
                PeriodStart = reader.GetDateTime(3), PeriodEnd = reader.GetDateTime(4),
                State = Enum.Parse<DigestDeliveryState>(reader.GetString(5)), Owner = reader.GetString(6),
                ClaimedAt = reader.GetDateTime(7),
                CompletedAt = reader.IsDBNull(8) ? null : reader.GetDateTime(8),
                MessageId = reader.IsDBNull(9) ? null : reader.GetString(9), Note = reader.IsDBNull(10) ? null : reader.GetString(10),
            });
        }
        return entries;
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
