namespace Bot.Host.Discord.Gateway;

/// <summary>
/// The IDENTIFY buckets in the shared database, so instances that run different shards of one bot keep Discord's
/// "one IDENTIFY per <c>max_concurrency</c> bucket per 5 s" between them. A row per bucket holds the time it is free
/// again: a claim sets it <see cref="ConnectLease"/> ahead (the claimer is connecting and has not identified yet) and
/// IDENTIFY on the wire sets it 5 s after the send. Times come from the injected clock, as in the in-process gate.
/// </summary>
internal sealed class PostgresIdentifyBuckets : ISharedIdentifyBuckets
{
    public const string Module = "discord_identify";

    /// <summary>How long a claim holds the bucket before its IDENTIFY is sent; an instance that dies meanwhile
    /// delays the bucket at most this long.</summary>
    public static readonly TimeSpan ConnectLease = TimeSpan.FromSeconds(30);

    /// <summary>How often another instance looks again while a bucket is held by a connecting claimer.</summary>
    public static readonly TimeSpan LeasePoll = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _data;
    private readonly Guid _holder = Guid.NewGuid();

    public PostgresIdentifyBuckets(PostgresDatabase database)
    {
        database.EnsureModule(Module, PostgresMigrations.Of(typeof(PostgresIdentifyBuckets).Assembly, Module));
        _data = database.DataSource;
    }

    public async Task<DateTimeOffset?> TryClaimAsync(int bucket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A concurrent claim of the same bucket waits for the first to commit, then finds free_at in the future.
        await using (var claim = _data.CreateCommand(
            "INSERT INTO discord_identify_bucket (bucket, free_at, holder) VALUES (@bucket, @lease, @holder) " +
            "ON CONFLICT (bucket) DO UPDATE SET free_at = excluded.free_at, holder = excluded.holder " +
            "WHERE discord_identify_bucket.free_at <= @now"))
        {
            claim.Parameters.AddWithValue("bucket", bucket);
            claim.Parameters.AddWithValue("lease", (now + ConnectLease).UtcDateTime);
            claim.Parameters.AddWithValue("holder", _holder);
            claim.Parameters.AddWithValue("now", now.UtcDateTime);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1) return null;
        }
        await using var read = _data.CreateCommand(
            "SELECT free_at, holder IS NOT NULL FROM discord_identify_bucket WHERE bucket = @bucket");
        read.Parameters.AddWithValue("bucket", bucket);
        await using var row = await read.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken)) return now; // deleted by hand meanwhile: try again
        var freeAt = new DateTimeOffset(row.GetFieldValue<DateTime>(0), TimeSpan.Zero);
        // A connecting claimer usually identifies well before its lease ends: look again soon rather than at the end.
        return row.GetBoolean(1) && freeAt > now + LeasePoll ? now + LeasePoll : freeAt;
    }

    public void Sent(int bucket, DateTimeOffset at) => Execute(
        "UPDATE discord_identify_bucket SET " +
        "free_at = CASE WHEN holder = @holder THEN @next ELSE greatest(free_at, @next) END, " +
        "holder = CASE WHEN holder = @holder THEN NULL ELSE holder END WHERE bucket = @bucket",
        bucket, at + GatewayIdentifyGate.BucketInterval);

    public void Unused(int bucket, DateTimeOffset now) => Execute(
        "UPDATE discord_identify_bucket SET free_at = @next, holder = NULL WHERE bucket = @bucket AND holder = @holder",
        bucket, now);

    private void Execute(string sql, int bucket, DateTimeOffset next)
    {
        try
        {
            using var command = _data.CreateCommand(sql);
            command.Parameters.AddWithValue("bucket", bucket);
            command.Parameters.AddWithValue("holder", _holder);
            command.Parameters.AddWithValue("next", next.UtcDateTime);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The claim's lease still stands in the row: other instances wait longer than needed, never less.
        }
    }
}
