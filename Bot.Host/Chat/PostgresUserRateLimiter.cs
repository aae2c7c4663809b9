using Bot.Knowledge.Storage.Postgres;
using Microsoft.Extensions.Options;

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

    private readonly PostgresDatabase _database;
    private readonly IOptions<ChatOptions> _options;
    private readonly TimeProvider _time;
    private long _lastPrunedTicks;

    public PostgresUserRateLimiter(PostgresDatabase database, IOptions<ChatOptions> options, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _database = database;
        _options = options;
        _time = time;
        _lastPrunedTicks = time.GetUtcNow().UtcTicks;
    }

    public bool TryAcquire(string platform, string userId, out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow();
        var key = $"{platform}|{userId}";
        var denied = PostgresSession.InTransaction(_database, c =>
        {
            // Now and then also the rows of users who stopped asking (expired rows count for nobody).
            c.Execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0)); " +
                "DELETE FROM rate_limit_hits WHERE (user_key = @key OR @everyone) AND at <= @cutoff",
                ("key", key), ("everyone", PruneDue(now)), ("cutoff", (now - IUserRateLimiter.Window).UtcDateTime));
            var (count, oldest) = c.Query("SELECT count(*), min(at) FROM rate_limit_hits WHERE user_key = @key",
                r => (r.GetInt64(0), r.IsDBNull(1) ? (DateTime?)null : r.GetDateTime(1)), ("key", key)).Single();
            if (count >= Math.Max(1, _options.Value.QuestionsPerMinute))
                return new DateTimeOffset(oldest!.Value, TimeSpan.Zero) + IUserRateLimiter.Window - now; // nothing written
            c.Execute("INSERT INTO rate_limit_hits (user_key, at) VALUES (@key, @now)", ("key", key), ("now", now.UtcDateTime));
            return (TimeSpan?)null;
        });
        retryAfter = denied ?? TimeSpan.Zero;
        return denied is null;
    }

    private bool PruneDue(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPrunedTicks);
        return now.UtcTicks - last >= TimeSpan.TicksPerHour
            && Interlocked.CompareExchange(ref _lastPrunedTicks, now.UtcTicks, last) == last;
    }
}
