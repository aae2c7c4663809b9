namespace Bot.Host.Chat;

/// <summary>
/// A sliding one-minute window of questions per user (<see cref="ChatOptions.QuestionsPerMinute"/>), on the injected
/// clock. In memory for one process; in PostgreSQL when several instances share the work, so a user's questions count
/// once whichever instance answers them.
/// </summary>
public interface IUserRateLimiter
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Records a question and returns true when the user is within the limit; else when to try again.</summary>
    bool TryAcquire(string platform, string userId, out TimeSpan retryAfter);
}
