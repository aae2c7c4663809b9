using System.Collections.Concurrent;

namespace Bot.Host.Slack.WebApi;

/// <summary>
/// Spaces messages to one channel about a second apart (Slack's chat.postMessage guidance), on the
/// injected clock. Each caller reserves the next free slot, so concurrent posts queue up in order.
/// </summary>
internal sealed class SlackChannelPacer(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int MaxTrackedChannels = 1_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextSlot = new();
    private readonly Lock _gate = new();

    public Task WaitAsync(string channel, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_nextSlot.Count >= MaxTrackedChannels) Forget(now);
            var slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + Interval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (channel, next) in _nextSlot)
            if (next <= now) _nextSlot.TryRemove(channel, out _);
    }
}
