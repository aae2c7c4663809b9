using Bot.Knowledge.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IUserRateLimiter"/> in PostgreSQL: one row per question in the last minute. A transaction-scoped advisory
/// lock on the user serialises that user's checks across instances, so two questions at once cannot both take the
/// last slot; other users are not held up.
/// </summary>
public sealed class PostgresUserRateLimiter : IUserRateLimiter
{
    public const string Module = "rate_limit_hits";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE rate_limit_hits (user_key text NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX rate_limit_hits_user ON rate_limit_hits (user_key, at)
        """,
    ];

    private readonly NpgsqlDataSource _data;
    private readonly IOptions<ChatOptions> _options;
    private readonly TimeProvider _time;
    private long _lastPrunedTicks;

    public PostgresUserRateLimiter(PostgresDatabase database, IOptions<ChatOptions> options, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
        _options = options;
        _time = time;
        _lastPrunedTicks = time.GetUtcNow().UtcTicks;
    }

    public bool TryAcquire(string platform, string userId, out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow();
        var key = $"{platform}|{userId}";
        using var connection = _data.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var gate = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0)); " +
            "DELETE FROM rate_limit_hits WHERE (user_key = @key OR @everyone) AND at <= @cutoff",
            connection, transaction))
        {
            gate.Parameters.AddWithValue("key", key);
            // Now and then also the rows of users who stopped asking (expired rows count for nobody).
            gate.Parameters.AddWithValue("everyone", PruneDue(now));
            gate.Parameters.AddWithValue("cutoff", (now - IUserRateLimiter.Window).UtcDateTime);
            gate.ExecuteNonQuery();
        }
        using (var count = new NpgsqlCommand(
            "SELECT count(*), min(at) FROM rate_limit_hits WHERE user_key = @key", connection, transaction))
        {
            count.Parameters.AddWithValue("key", key);
            using var reader = count.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(0) >= Math.Max(1, _options.Value.QuestionsPerMinute))
            {
                retryAfter = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero) + IUserRateLimiter.Window - now;
                return false; // nothing written: the transaction rolls back on dispose
            }
        }
        using (var hit = new NpgsqlCommand("INSERT INTO rate_limit_hits (user_key, at) VALUES (@key, @now)", connection, transaction))
        {
            hit.Parameters.AddWithValue("key", key);
            hit.Parameters.AddWithValue("now", now.UtcDateTime);
            hit.ExecuteNonQuery();
        }
        transaction.Commit();
        retryAfter = TimeSpan.Zero;
        return true;
    }

    private bool PruneDue(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPrunedTicks);
        return now.UtcTicks - last >= TimeSpan.TicksPerHour
            && Interlocked.CompareExchange(ref _lastPrunedTicks, now.UtcTicks, last) == last;
    }
}
