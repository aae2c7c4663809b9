using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bot.Host.Chat;

/// <summary>A sliding one-minute window of questions per user, on the injected clock.</summary>
public sealed class UserRateLimiter(IOptions<ChatOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new();

    /// <summary>Records a question and returns true when the user is within the limit.</summary>
    public bool TryAcquire(string platform, string userId, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd($"{platform}|{userId}", _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1)) window.Dequeue();
            if (window.Count >= Math.Max(1, options.Value.QuestionsPerMinute))
            {
                retryAfter = window.Peek() + TimeSpan.FromMinutes(1) - now;
                return false;
            }
            window.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
