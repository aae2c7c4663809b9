namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IUserRateLimiter"/> in PostgreSQL: one row per question in the last minute. A transaction-scoped advisory
/// lock on the user serialises that user's checks across instances, so two questions at once cannot both take the
/// last slot; other users are not held up.
/// </summary>
public sealed class PostgresUserRateLimiter(PostgresDatabase database, IOptions<ChatOptions> options, TimeProvider time)
    : PostgresStore(database, Module), IUserRateLimiter
{
    public const string Module = "rate_limit_hits";

    private readonly OccasionalPrune _prune = new(time, TimeSpan.FromHours(1));

    public bool TryAcquire(string platform, string userId, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var key = $"{platform}|{userId}";
        var denied = InTransaction(c =>
        {
            // Now and then also the rows of users who stopped asking (expired rows count for nobody).
            c.Execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0)); " +
                "DELETE FROM rate_limit_hits WHERE (user_key = @key OR @everyone) AND at <= @cutoff",
                ("key", key), ("everyone", _prune.Due(now)), ("cutoff", (now - IUserRateLimiter.Window).UtcDateTime));
            var (count, oldest) = c.Query("SELECT count(*), min(at) FROM rate_limit_hits WHERE user_key = @key",
                r => (r.GetInt64(0), r.IsDBNull(1) ? (DateTime?)null : r.GetDateTime(1)), ("key", key)).Single();
            if (count >= Math.Max(1, options.Value.QuestionsPerMinute))
                return new DateTimeOffset(oldest!.Value, TimeSpan.Zero) + IUserRateLimiter.Window - now; // nothing written
            c.Execute("INSERT INTO rate_limit_hits (user_key, at) VALUES (@key, @now)", ("key", key), ("now", now.UtcDateTime));
            return (TimeSpan?)null;
        });
        retryAfter = denied ?? TimeSpan.Zero;
        return denied is null;
    }
}
