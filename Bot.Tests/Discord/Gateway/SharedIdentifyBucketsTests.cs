using Bot.Host.Discord.Gateway.Protocol;
using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// Two instances' identify gates over one PostgreSQL database (each with its own data source), on one fake clock:
/// the 5 s per <c>max_concurrency</c> bucket holds between them. A wait is proven by the gate's timer on the clock
/// (it cannot finish before the test advances the clock), never by sleeping.
/// </summary>
public sealed class SharedIdentifyBucketsTests
{
    private readonly WatchedClock _time = new();

    [Fact]
    public async Task An_instance_waits_5_s_after_another_instance_identified_in_the_same_bucket()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var one = new PostgresDatabase(pg.ConnectionString);
        await using var two = new PostgresDatabase(pg.ConnectionString);
        var first = Gate(one);
        var second = Gate(two);
        using (var turn = await WaitTurn(first, shard: 0))
        {
            _time.Advance(TimeSpan.FromSeconds(3)); // connecting and HELLO took a while
            turn.Sent();
        }

        var sameBucket = WaitTurn(second, shard: 2); // 2 % 2: the bucket of shard 0
        Assert.Equal(TimeSpan.FromSeconds(5), await _time.TimerAsync(d => d > TimeSpan.Zero, Wait.Token()));
        _time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(sameBucket.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        using var granted = await sameBucket.WaitAsync(Wait.Token());
        granted.Sent();
        // And the other way round: the first instance now waits for the second's IDENTIFY.
        var again = WaitTurn(first, shard: 0);
        await _time.SleepersAsync(1, Wait.Token());
        Assert.False(again.IsCompleted);
        _time.Advance(GatewayIdentifyGate.BucketInterval);
        (await again.WaitAsync(Wait.Token())).Dispose();
    }

    [Fact]
    public async Task Another_bucket_does_not_wait_for_the_other_instance()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var one = new PostgresDatabase(pg.ConnectionString);
        await using var two = new PostgresDatabase(pg.ConnectionString);
        using (var turn = await WaitTurn(Gate(one), shard: 0)) turn.Sent();

        // The clock never moves: only a turn that did not wait can be granted.
        using var other = await WaitTurn(Gate(two), shard: 1).WaitAsync(Wait.Token());
    }

    [Fact]
    public async Task A_claim_given_up_before_identify_frees_the_bucket_for_the_other_instance()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var one = new PostgresDatabase(pg.ConnectionString);
        await using var two = new PostgresDatabase(pg.ConnectionString);
        var connecting = await WaitTurn(Gate(one), shard: 0);

        var waiting = WaitTurn(Gate(two), shard: 0);
        // While the first instance connects, the second looks again every second rather than at the lease's end.
        Assert.Equal(PostgresIdentifyBuckets.LeasePoll, await _time.TimerAsync(d => d > TimeSpan.Zero, Wait.Token()));
        connecting.Dispose(); // the connection failed before IDENTIFY
        Assert.False(waiting.IsCompleted);
        _time.Advance(PostgresIdentifyBuckets.LeasePoll);

        (await waiting.WaitAsync(Wait.Token())).Dispose();
    }

    private GatewayIdentifyGate Gate(PostgresDatabase database)
    {
        var gate = new GatewayIdentifyGate(_time, new PostgresIdentifyBuckets(database));
        gate.Observe(new SessionStartLimit(1000, 1000, 86_400_000, MaxConcurrency: 2));
        return gate;
    }

    private static Task<IdentifyTurn> WaitTurn(GatewayIdentifyGate gate, int shard) =>
        gate.WaitTurnAsync(shard, maxConcurrency: 2, _ => { }, Wait.Token());
}
