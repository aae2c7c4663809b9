using Bot.Host.Slack.Events;

namespace Bot.Tests.Slack.Events;

public sealed class EventDeduplicatorTests
{
    [Fact]
    public void Each_event_id_passes_once_and_the_memory_stays_bounded()
    {
        var deduplicator = new EventDeduplicator();
        Assert.True(deduplicator.TryMarkFirst("Ev1"));
        Assert.False(deduplicator.TryMarkFirst("Ev1"));

        for (var i = 0; i < EventDeduplicator.Capacity; i++) Assert.True(deduplicator.TryMarkFirst($"Fill{i}"));
        Assert.True(deduplicator.TryMarkFirst("Ev1")); // the oldest id was forgotten to make room
        Assert.False(deduplicator.TryMarkFirst($"Fill{EventDeduplicator.Capacity - 1}"));
    }
}
