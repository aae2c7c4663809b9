namespace Bot.Tests.Support;

/// <summary>
/// A fake clock that also tells the test when code under test starts waiting on it. Negative checks ("no early
/// retry", "nothing more is posted") wait for that signal instead of sleeping in real time: code blocked on a
/// timer of the fake clock cannot move on until the test advances it past that timer's due time.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<Sleep> _timers = [];
    private TaskCompletionSource _created = NewSignal();

    public WatchedClock() : this(TestTime.Utc("2026-01-05T10:00:00Z"))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return base.CreateTimer(callback, state, dueTime, period);
        var sleep = new Sleep(dueTime, OneShot: period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero);
        // The clock runs due callbacks inside Advance, so a fired one-shot timer is marked before Advance returns.
        var timer = base.CreateTimer(s =>
        {
            if (sleep.OneShot) sleep.Over = true;
            callback(s);
        }, state, dueTime, period);
        TaskCompletionSource created;
        lock (_timers)
        {
            _timers.Add(sleep);
            created = _created;
            _created = NewSignal();
        }
        created.SetResult();
        return new WatchedTimer(timer, sleep);
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
                foreach (var timer in _timers)
                    if (match(timer.DueTime)) return timer.DueTime;
                created = _created.Task;
            }
            await created.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Completes once <paramref name="count"/> timers are waiting (created, not fired, not disposed): that many background
    /// loops are asleep on the clock, having done all the work the current time calls for. Call it after moving the clock.
    /// </summary>
    public async Task SleepersAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task created;
            lock (_timers)
            {
                if (_timers.Count(t => !t.Over) >= count) return;
                created = _created.Task;
            }
            await created.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Sleep(TimeSpan DueTime, bool OneShot)
    {
        public volatile bool Over;
    }

    /// <summary>The fake clock's timer, marking its <see cref="Sleep"/> over when disposed (a cancelled delay).</summary>
    private sealed class WatchedTimer(ITimer inner, Sleep sleep) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            sleep.Over = true;
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            sleep.Over = true;
            return inner.DisposeAsync();
        }
    }
}
