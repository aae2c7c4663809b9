namespace Bot.Tests.Discord.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Ordinary_sends_stop_at_117_a_minute_while_heartbeats_still_go_out()
    {
        var ct = Wait.Token();
        var (limiter, time) = await FullForOrdinarySendsAsync(ct);

        var held = limiter.WaitAsync(heartbeat: false, ct);
        // Held on the clock until the first send leaves the 60 s window: nothing else can release it earlier.
        Assert.Equal(TimeSpan.FromSeconds(60), await time.TimerAsync(_ => true, ct));
        Assert.False(held.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await held.WaitAsync(ct);
    }

    [Fact]
    public async Task Heartbeats_use_the_reserved_room_even_while_an_ordinary_send_waits()
    {
        var ct = Wait.Token();
        var (limiter, time) = await FullForOrdinarySendsAsync(ct);
        var held = limiter.WaitAsync(heartbeat: false, ct);
        await time.TimerAsync(_ => true, ct);

        for (var i = 0; i < GatewaySendLimiter.ReservedForHeartbeats; i++)
            await limiter.WaitAsync(heartbeat: true, ct).WaitAsync(TimeSpan.FromSeconds(1), ct);
        Assert.False(held.IsCompleted);
    }

    /// <summary>A limiter that has let through every ordinary send of the window (117 of 120).</summary>
    private static async Task<(GatewaySendLimiter Limiter, WatchedClock Time)> FullForOrdinarySendsAsync(CancellationToken ct)
    {
        var time = new WatchedClock();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.ReservedForHeartbeats; i++)
            await limiter.WaitAsync(heartbeat: false, ct).WaitAsync(ct);
        return (limiter, time);
    }
}
