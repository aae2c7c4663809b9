using System.Collections.Concurrent;

namespace Bot.Host.Chat;

/// <summary><see cref="IUserRateLimiter"/> for one process.</summary>
public sealed class InMemoryUserRateLimiter(IOptions<ChatOptions> options, TimeProvider time) : IUserRateLimiter
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new();

    public bool TryAcquire(string platform, string userId, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd($"{platform}|{userId}", _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= IUserRateLimiter.Window) window.Dequeue();
            if (window.Count >= Math.Max(1, options.Value.QuestionsPerMinute))
            {
                retryAfter = window.Peek() + IUserRateLimiter.Window - now;
                return false;
            }
            window.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
