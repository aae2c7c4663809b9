using Bot.Host.Discord.Gateway.Protocol;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// The IDENTIFY limits on a fake clock. A wait shows as a turn that is not complete: the gate awaits only its
/// own delay on that clock, so nothing but <see cref="FakeTimeProvider.Advance"/> can complete it.
/// </summary>
public sealed class GatewayIdentifyGateTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<TimeSpan> _budgetWaits = [];

    [Fact]
    public async Task A_bucket_lets_one_shard_at_a_time_connect_and_identify()
    {
        var gate = new GatewayIdentifyGate(_time);
        gate.Observe(new SessionStartLimit(1000, 1000, 86_400_000, MaxConcurrency: 2));
        var first = await WaitTurn(gate, shard: 0, maxConcurrency: 2);

        var sameBucket = WaitTurn(gate, shard: 2, maxConcurrency: 2);
        Assert.False(sameBucket.IsCompleted); // held from before connecting until IDENTIFY is sent
        first.Dispose(); // the connection failed before IDENTIFY: no 5 s to wait

        (await sameBucket.WaitAsync(TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Shards_in_one_bucket_identify_5_s_apart_counted_from_the_identify_itself()
    {
        var gate = new GatewayIdentifyGate(_time);
        gate.Observe(new SessionStartLimit(1000, 1000, 86_400_000, MaxConcurrency: 2));
        using (var first = await WaitTurn(gate, shard: 0, maxConcurrency: 2))
        {
            _time.Advance(TimeSpan.FromSeconds(3)); // connecting and HELLO took a while
            first.Sent();
        }

        var sameBucket = WaitTurn(gate, shard: 2, maxConcurrency: 2);
        _time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(sameBucket.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await sameBucket.WaitAsync(TestContext.Current.CancellationToken)).Dispose();
        Assert.Empty(_budgetWaits);
    }

    [Fact]
    public async Task Another_bucket_does_not_wait()
    {
        var gate = await AfterShard0IdentifiedAsync(remaining: 1000, resetAfterMs: 86_400_000);

        var other = WaitTurn(gate, shard: 1, maxConcurrency: 2);

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task The_daily_budget_is_shared_by_all_buckets_and_waits_for_its_reset()
    {
        var gate = await AfterShard0IdentifiedAsync(remaining: 1, resetAfterMs: 10_000);

        var second = WaitTurn(gate, shard: 1, maxConcurrency: 2);
        Assert.False(second.IsCompleted);
        Assert.Equal([TimeSpan.FromSeconds(10)], _budgetWaits);

        _time.Advance(TimeSpan.FromSeconds(10));
        (await second.WaitAsync(TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task An_identify_never_sent_goes_back_to_the_budget_and_does_not_delay_the_bucket()
    {
        var gate = new GatewayIdentifyGate(_time);
        gate.Observe(new SessionStartLimit(1000, 1, 10_000, MaxConcurrency: 1));
        (await WaitTurn(gate, shard: 0, maxConcurrency: 1)).Dispose(); // the connection failed before IDENTIFY

        var retry = WaitTurn(gate, shard: 0, maxConcurrency: 1);

        Assert.True(retry.IsCompletedSuccessfully);
        Assert.Empty(_budgetWaits);
    }

    [Fact]
    public async Task A_lower_count_from_discord_wins_within_the_window_and_a_fresh_window_starts_over()
    {
        var gate = await AfterShard0IdentifiedAsync(remaining: 2, resetAfterMs: 10_000);
        // Another instance identified meanwhile: Discord's count is lower than ours (1).
        gate.Observe(new SessionStartLimit(1000, 0, 9_000, MaxConcurrency: 2));
        var waiting = WaitTurn(gate, shard: 1, maxConcurrency: 2);
        Assert.False(waiting.IsCompleted);
        Assert.Equal([TimeSpan.FromSeconds(9)], _budgetWaits);

        _time.Advance(TimeSpan.FromSeconds(9));
        (await waiting.WaitAsync(TestContext.Current.CancellationToken)).Dispose();
    }

    /// <summary>A gate told <paramref name="remaining"/> (two buckets), after shard 0 sent its IDENTIFY.</summary>
    private async Task<GatewayIdentifyGate> AfterShard0IdentifiedAsync(int remaining, long resetAfterMs)
    {
        var gate = new GatewayIdentifyGate(_time);
        gate.Observe(new SessionStartLimit(1000, remaining, resetAfterMs, MaxConcurrency: 2));
        using var first = await WaitTurn(gate, shard: 0, maxConcurrency: 2);
        first.Sent();
        return gate;
    }

    private Task<IdentifyTurn> WaitTurn(GatewayIdentifyGate gate, int shard, int maxConcurrency) =>
        gate.WaitTurnAsync(shard, maxConcurrency, _budgetWaits.Add, TestContext.Current.CancellationToken);
}
