namespace Bot.Tests.State;

/// <summary>
/// Thread memory, per-user rate limits and inbound deduplication, the same for one process (in memory) and several
/// instances (PostgreSQL): a second instance sees what the first recorded.
/// </summary>
public abstract class ChatStateContract : StateContract
{
    [Fact]
    public void A_thread_keeps_its_last_four_turns_for_every_instance_and_no_thread_keeps_none()
    {
        var one = Backend.Memory(Time);
        for (var i = 1; i <= 6; i++) one.Add("slack", "C1", "1700.1", new ConversationTurn($"q{i}", $"a{i}"));
        one.Add("slack", "C1", null, new ConversationTurn("loose", "x"));
        one.Add("slack", "C2", "1700.1", new ConversationTurn("other channel", "x"));

        var other = Backend.Memory(Time);
        Assert.Equal(["q3", "q4", "q5", "q6"], other.Get("slack", "C1", "1700.1").Select(t => t.Question));
        Assert.Equal("a6", other.Get("slack", "C1", "1700.1")[^1].Answer);
        Assert.Empty(other.Get("slack", "C1", null));
        Assert.Equal(["other channel"], other.Get("slack", "C2", "1700.1").Select(t => t.Question));
        Assert.Empty(other.Get("discord", "C1", "1700.1"));
    }

    [Fact]
    public void A_users_questions_count_on_every_instance_within_one_sliding_minute()
    {
        var options = new ChatOptions { QuestionsPerMinute = 3 };
        var instances = new[] { Backend.RateLimiter(options, Time), Backend.RateLimiter(options, Time) };
        Assert.True(instances[0].TryAcquire("slack", "U1", out _));
        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(instances[1].TryAcquire("slack", "U1", out _));
        Assert.True(instances[0].TryAcquire("slack", "U1", out _));

        Assert.False(instances[1].TryAcquire("slack", "U1", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        Assert.True(instances[1].TryAcquire("discord", "U1", out _)); // another platform's U1 is another person

        Time.Advance(TimeSpan.FromSeconds(40)); // the first question leaves the window
        Assert.True(instances[1].TryAcquire("slack", "U1", out _));
        Assert.False(instances[0].TryAcquire("slack", "U1", out _));
    }

    [Fact]
    public async Task Questions_racing_on_two_instances_take_no_more_than_the_limit()
    {
        var options = new ChatOptions { QuestionsPerMinute = 5 };
        var instances = new[] { Backend.RateLimiter(options, Time), Backend.RateLimiter(options, Time) };

        var granted = await RaceAsync(Enumerable.Range(0, 12)
            .Select(i => (Func<bool>)(() => instances[i % 2].TryAcquire("discord", "42", out _))).ToList());

        Assert.Equal(5, granted.Count(g => g));
    }

    [Fact]
    public void An_id_passes_once_per_platform_for_15_minutes_however_many_arrive_then_again()
    {
        var one = Backend.Deduplicator(Time);
        var other = Backend.Deduplicator(Time);
        Assert.True(one.TryMarkFirst("slack", "Ev1"));
        Assert.False(other.TryMarkFirst("slack", "Ev1"));
        Assert.True(other.TryMarkFirst("discord", "Ev1"));
        for (var i = 0; i < 3_000; i++) one.TryMarkFirst("discord", $"burst-{i}"); // a count limit would drop Ev1

        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(other.TryMarkFirst("slack", "Ev1"));
        Assert.False(one.TryMarkFirst("discord", "burst-0"));

        Time.Advance(TimeSpan.FromMinutes(2)); // past the window: a delivery that old is new again
        Assert.True(other.TryMarkFirst("slack", "Ev1"));
        Assert.False(one.TryMarkFirst("slack", "Ev1"));
    }

    [Fact]
    public async Task Two_deduplicators_offered_the_same_ids_at_once_let_each_through_once()
    {
        var instances = new[] { Backend.Deduplicator(Time), Backend.Deduplicator(Time) };
        for (var round = 0; round < 25; round++)
        {
            var id = $"Ev{round}";
            var firsts = await RaceAsync(Enumerable.Range(0, 4)
                .Select(i => (Func<bool>)(() => instances[i % 2].TryMarkFirst("slack", id))).ToList());
            Assert.Equal(1, firsts.Count(f => f));
        }
    }
}

public sealed class InMemoryChatStateTests : ChatStateContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.LiteDbAsync();

    [Fact]
    public void The_in_memory_deduplicator_forgets_what_is_older_than_the_window()
    {
        var deduplicator = new InMemoryInboundDeduplicator(Time);
        deduplicator.TryMarkFirst("slack", "Ev1");
        Time.Advance(TimeSpan.FromMinutes(16));
        deduplicator.TryMarkFirst("slack", "Ev2");
        Assert.Equal(1, deduplicator.Count);
    }
}

public sealed class PostgresChatStateTests : ChatStateContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.PostgresAsync();

    [Fact]
    public async Task The_table_of_seen_ids_is_pruned_to_about_one_window()
    {
        await using var test = await Bot.Tests.Support.PostgresTestDatabase.CreateAsync();
        await using var database = new Bot.Knowledge.Storage.Postgres.PostgresDatabase(test.ConnectionString);
        var deduplicator = new PostgresInboundDeduplicator(database, Time);
        for (var i = 0; i < 10; i++) deduplicator.TryMarkFirst("slack", $"Ev{i}");
        Time.Advance(TimeSpan.FromMinutes(16));

        deduplicator.TryMarkFirst("slack", "later");

        Assert.Equal(1, deduplicator.Count());
    }
}
