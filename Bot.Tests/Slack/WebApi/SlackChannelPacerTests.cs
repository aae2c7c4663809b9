using Bot.Host.Slack.WebApi;

namespace Bot.Tests.Slack.WebApi;

public sealed class SlackChannelPacerTests
{
    [Fact]
    public async Task Posts_to_one_channel_are_spaced_a_second_apart_other_channels_are_not_held_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider();
        var pacer = new SlackChannelPacer(clock);

        Assert.True(pacer.WaitAsync("C1", ct).IsCompleted);
        var second = pacer.WaitAsync("C1", ct);
        var third = pacer.WaitAsync("C1", ct);
        Assert.True(pacer.WaitAsync("C2", ct).IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5), ct);
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5), ct);

        clock.Advance(TimeSpan.FromSeconds(5)); // idle long enough: the next post goes at once
        Assert.True(pacer.WaitAsync("C1", ct).IsCompleted);
    }
}
