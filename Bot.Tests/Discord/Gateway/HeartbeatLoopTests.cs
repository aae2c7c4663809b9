namespace Bot.Tests.Discord.Gateway;

public sealed class HeartbeatLoopTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(41250);
    private readonly WatchedClock _time = new();
    private int _sent;

    private HeartbeatLoop Create(double jitter) => new(Interval, _time, () => jitter, _ =>
    {
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    });

    private int Sent => Volatile.Read(ref _sent);

    /// <summary>A loop without jitter, running, that has sent its first heartbeat.</summary>
    private async Task<(HeartbeatLoop Loop, Task Run)> AfterTheFirstBeatAsync(CancellationToken ct)
    {
        var loop = Create(0);
        var run = loop.RunAsync(ct);
        await Wait.UntilAsync(() => Sent == 1, ct);
        return (loop, run);
    }

    [Fact]
    public async Task The_first_heartbeat_waits_interval_times_jitter()
    {
        var ct = Wait.Token();
        var loop = Create(0.25);
        var run = loop.RunAsync(ct);

        // Sleeping on the clock for interval x jitter: no beat can go out before the test moves it that far.
        var due = await _time.TimerAsync(_ => true, ct);
        Assert.InRange(due, Interval * 0.25 - TimeSpan.FromMilliseconds(1), Interval * 0.25); // timers count whole milliseconds
        _time.Advance(Interval * 0.25 - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, Sent);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.UntilAsync(() => Sent == 1, ct);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Acknowledged_heartbeats_continue_every_interval()
    {
        var ct = Wait.Token();
        var (loop, run) = await AfterTheFirstBeatAsync(ct);

        for (var beat = 2; beat <= 4; beat++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            loop.AckReceived();
            _time.Advance(Interval - TimeSpan.FromMilliseconds(20));
            await Wait.UntilAsync(() => Sent == beat, ct);
        }
        Assert.False(run.IsCompleted);
        Assert.Equal(TimeSpan.FromMilliseconds(20), loop.Latency);
    }

    [Fact]
    public async Task A_missing_ack_ends_the_loop_as_zombied_instead_of_beating_again()
    {
        var ct = Wait.Token();
        var (loop, run) = await AfterTheFirstBeatAsync(ct);

        _time.Advance(Interval);

        await run.WaitAsync(ct);
        Assert.Equal(1, Sent);
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_gateway_is_answered_at_once()
    {
        var ct = Wait.Token();
        var loop = Create(0.9);
        _ = loop.RunAsync(ct);

        await loop.BeatNowAsync(ct);

        Assert.Equal(1, Sent);
    }
}
