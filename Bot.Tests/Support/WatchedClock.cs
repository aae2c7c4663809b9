using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Support;

/// <summary>
/// A fake clock that also tells the test when code under test starts waiting on it. Negative checks ("no early
/// retry", "nothing more is posted") wait for that signal instead of sleeping in real time: code blocked on a
/// timer of the fake clock cannot move on until the test advances it past that timer's due time.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<(DateTimeOffset CreatedAt, TimeSpan DueTime)> _timers = [];
    private TaskCompletionSource _created = NewSignal();

    public WatchedClock() : this(DateTimeOffset.Parse("2026-01-05T10:00:00Z", global::System.Globalization.CultureInfo.InvariantCulture))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            TaskCompletionSource created;
            lock (_timers)
            {
                _timers.Add((GetUtcNow(), dueTime));
                created = _created;
                _created = NewSignal();
            }
            created.SetResult();
        }
        return timer;
    }

    /// <summary>
    /// The due time of the first timer created so far (or from now on) whose due time <paramref name="match"/> accepts:
    /// proof that the code is waiting on the clock for that long.
    /// </summary>
    public async Task<TimeSpan> TimerAsync(Func<TimeSpan, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task created;
            lock (_timers)
            {
                foreach (var (_, due) in _timers)
                    if (match(due)) return due;
                created = _created.Task;
            }
            await created.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Completes once <paramref name="count"/> timers were created at the current instant, i.e. after the clock last
    /// moved: that many background loops have seen the new time, done their work and gone back to sleep.
    /// </summary>
    public async Task SleepersAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task created;
            lock (_timers)
            {
                var now = GetUtcNow();
                if (_timers.Count(t => t.CreatedAt == now) >= count) return;
                created = _created.Task;
            }
            await created.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
