namespace Bot.Tests.State;

/// <summary>Digest subscriptions, the same for LiteDB and PostgreSQL.</summary>
public abstract class DigestSubscriptionStoreContract : StateContract
{
    [Fact]
    public void A_channel_subscribes_once_and_unsubscribes_and_every_instance_sees_it()
    {
        var one = Backend.Subscriptions(Time);
        var other = Backend.Subscriptions(Time);

        Assert.True(one.Subscribe("slack", "C1", "U1"));
        Assert.False(other.Subscribe("slack", "C1", "U2"));
        Assert.True(other.Subscribe("discord", "C1", "U2"));

        var slack = Assert.Single(one.All(), s => s.Platform == "slack");
        Assert.Equal(("slack:C1", "C1", "U1", Start),
            (slack.Id, slack.ChannelId, slack.AddedBy, new DateTimeOffset(slack.AddedAt.ToUniversalTime(), TimeSpan.Zero)));
        Assert.True(one.Unsubscribe("discord", "C1"));
        Assert.False(other.Unsubscribe("discord", "C1"));
        Assert.Equal(["slack:C1"], other.All().Select(s => s.Id));
    }
}

public sealed class LiteDbDigestSubscriptionStoreTests : DigestSubscriptionStoreContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.LiteDbAsync();
}

public sealed class PostgresDigestSubscriptionStoreTests : DigestSubscriptionStoreContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.PostgresAsync();
}
