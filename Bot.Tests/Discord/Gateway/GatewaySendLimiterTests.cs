using Bot.Host.Discord.Gateway;
using Bot.Tests.Discord.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Ordinary_sends_stop_at_117_a_minute_while_heartbeats_still_go_out()
    {
        var ct = TestTimeout.Token();
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.ReservedForHeartbeats; i++)
            await limiter.WaitAsync(heartbeat: false, ct).WaitAsync(ct);

        var held = limiter.WaitAsync(heartbeat: false, ct);
        await Task.Delay(30, ct);
        Assert.False(held.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(30, ct);
        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await held.WaitAsync(ct);
    }

    [Fact]
    public async Task Heartbeats_use_the_reserved_room_even_while_an_ordinary_send_waits()
    {
        var ct = TestTimeout.Token();
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.ReservedForHeartbeats; i++)
            await limiter.WaitAsync(heartbeat: false, ct).WaitAsync(ct);
        var held = limiter.WaitAsync(heartbeat: false, ct);

        for (var i = 0; i < GatewaySendLimiter.ReservedForHeartbeats; i++)
            await limiter.WaitAsync(heartbeat: true, ct).WaitAsync(TimeSpan.FromSeconds(1), ct);
        Assert.False(held.IsCompleted);
    }
}
