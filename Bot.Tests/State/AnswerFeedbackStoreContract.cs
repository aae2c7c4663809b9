using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.State;

/// <summary>Votes on answers, the same for LiteDB and PostgreSQL: one per user per answer, changeable, user ids hashed.</summary>
public abstract class AnswerFeedbackStoreContract : StateContract
{
    private static readonly ChatOptions Settings = new() { FeedbackRetentionDays = 30 };
    private IAnswerFeedbackStore? _store;

    private IAnswerFeedbackStore Store => _store ??= Backend.Feedback(Settings, Time);

    private static string Answer(IAnswerFeedbackStore store, string question = "How many roles did Amazon cut?") =>
        store.Record("discord", question, new ChatReply
    {
        Text = "Amazon cut about 18,000 roles.",
        Mode = "extractive",
        Quotes = [new ChatQuote(1, "just over 18,000 roles",
            new ChatSource("Update from Andy Jassy", "https://example.com/a", "Amazon", "2023-01-04"))],
    });

    private string Answer(string question = "How many roles did Amazon cut?") => Answer(Store, question);

    [Fact]
    public async Task Votes_of_many_users_on_two_instances_at_once_are_each_counted_once()
    {
        var instances = new[] { Backend.Feedback(Settings, Time), Backend.Feedback(Settings, Time) };
        var id = Answer(instances[0]);

        var outcomes = await RaceAsync(Enumerable.Range(0, 16)
            .Select(i => (Func<VoteOutcome>)(() => instances[i % 2].Vote(id, "discord", $"u{i / 2}", helpful: i % 4 < 2))).ToList());

        // Users u0..u7 each click the same button on both instances: one click records, the other finds it recorded.
        Assert.Equal(8, outcomes.Count(o => o == VoteOutcome.Recorded));
        Assert.Equal(8, outcomes.Count(o => o == VoteOutcome.Unchanged));
        var answer = instances[1].Find(id, out _)!;
        Assert.Equal(8, answer.Helpful + answer.NotHelpful);
        Assert.Equal(new FeedbackCounts(1, answer.Helpful, answer.NotHelpful), instances[0].Counts());
    }

    [Fact]
    public void A_vote_is_stored_with_the_question_mode_and_citations()
    {
        var id = Answer();

        Assert.Equal(VoteOutcome.Recorded, Store.Vote(id, "discord", "395786107780071424", helpful: false));

        var answer = Assert.Single(Store.LatestNotHelpful(10));
        Assert.Equal(("How many roles did Amazon cut?", "extractive", 1, 0),
            (answer.Question, answer.Mode, answer.NotHelpful, answer.Helpful));
        Assert.Equal("just over 18,000 roles", Assert.Single(answer.Citations).Quote);
        Assert.Equal(new FeedbackCounts(1, 0, 1), Store.Counts());
    }

    [Fact]
    public void A_changed_vote_moves_the_users_one_vote_to_the_other_side()
    {
        var id = Answer();
        Store.Vote(id, "discord", "u1", helpful: true);

        Assert.Equal(VoteOutcome.Changed, Store.Vote(id, "discord", "u1", helpful: false));

        Assert.Equal(new FeedbackCounts(1, 0, 1), Store.Counts());
        Assert.Equal((0, 1), (Store.Find(id, out _)!.Helpful, Store.Find(id, out _)!.NotHelpful));
    }

    [Fact]
    public void A_second_user_adds_a_second_vote()
    {
        var id = Answer();
        Store.Vote(id, "discord", "u1", helpful: true);

        Assert.Equal(VoteOutcome.Recorded, Store.Vote(id, "discord", "u2", helpful: true));
        // The same id on another platform is another person.
        Assert.Equal(VoteOutcome.Recorded, Store.Vote(id, "slack", "u1", helpful: true));

        Assert.Equal(new FeedbackCounts(1, 3, 0), Store.Counts());
    }

    [Fact]
    public void A_replayed_click_changes_nothing()
    {
        var id = Answer();
        Store.Vote(id, "discord", "u1", helpful: false);

        Assert.Equal(VoteOutcome.Unchanged, Store.Vote(id, "discord", "u1", helpful: false));

        Assert.Equal(1, Store.Find(id, out _)!.NotHelpful);
        Assert.Equal(new FeedbackCounts(1, 0, 1), Store.Counts());
    }

    [Fact]
    public void An_unknown_answer_id_is_refused_and_stores_nothing()
    {
        Answer();

        Assert.Equal(VoteOutcome.UnknownAnswer, Store.Vote("0000000000000000", "discord", "u1", helpful: true));

        Assert.Equal(new FeedbackCounts(1, 0, 0), Store.Counts());
    }

    [Fact]
    public void An_answer_past_the_retention_period_takes_no_vote_and_unvoted_old_answers_are_deleted()
    {
        var voted = Answer("voted on");
        var unvoted = Answer("never voted on");
        Store.Vote(voted, "discord", "u1", helpful: false);
        Time.Advance(TimeSpan.FromDays(31));

        Assert.Equal(VoteOutcome.Expired, Store.Vote(voted, "discord", "u2", helpful: true));
        Answer("a new one"); // recording prunes

        Assert.Null(Store.Find(unvoted, out _));
        Assert.NotNull(Store.Find(voted, out var expired));
        Assert.True(expired);
    }

    [Fact]
    public void Every_instance_hashes_a_user_alike_and_not_as_a_plain_digest()
    {
        var hash = Store.HashUser("discord", "395786107780071424");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("discord:395786107780071424"u8)), hash);
        Assert.Equal(hash, Backend.Feedback(Settings, Time).HashUser("discord", "395786107780071424"));
        Assert.NotEqual(hash, Store.HashUser("slack", "395786107780071424"));
    }

    [Fact]
    public void Latest_not_helpful_lists_the_most_recently_voted_first()
    {
        var older = Answer("first question");
        var newer = Answer("second question");
        Store.Vote(newer, "discord", "u1", helpful: false);
        Time.Advance(TimeSpan.FromMinutes(5));
        Store.Vote(older, "discord", "u1", helpful: false);
        Store.Vote(Answer("liked"), "discord", "u1", helpful: true);

        Assert.Equal(["first question", "second question"], Store.LatestNotHelpful(10).Select(a => a.Question));
    }
}

public sealed class LiteDbAnswerFeedbackStoreTests : IDisposable
{
    private readonly TestPaths.TempDir _dir = new();
    private readonly KnowledgeDatabase _database;

    public LiteDbAnswerFeedbackStoreTests() => _database = KnowledgeDatabase.Open(_dir.File("kb.db"));

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void User_ids_are_stored_only_as_a_keyed_hash()
    {
        var store = new LiteDbAnswerFeedbackStore(_database, Options.Create(new ChatOptions()), TimeProvider.System);
        var id = store.Record("discord", "q", new ChatReply { Text = "a" });
        store.Vote(id, "discord", "395786107780071424", helpful: true);
        _database.Database.Checkpoint();

        var hash = store.HashUser("discord", "395786107780071424");
        var file = File.ReadAllBytes(_dir.File("kb.db"));
        Assert.Equal(-1, file.AsSpan().IndexOf("395786107780071424"u8));
        Assert.NotEqual(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(hash)));
    }
}

public sealed class LiteDbAnswerFeedbackStoreContractTests : AnswerFeedbackStoreContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.LiteDbAsync();
}

public sealed class PostgresAnswerFeedbackStoreTests : AnswerFeedbackStoreContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.PostgresAsync();

    [Fact]
    public async Task User_ids_are_stored_only_as_a_keyed_hash()
    {
        await using var test = await PostgresTestDatabase.CreateAsync();
        await using var database = new PostgresDatabase(test.ConnectionString);
        var store = new PostgresAnswerFeedbackStore(database, Options.Create(new ChatOptions()), TimeProvider.System);
        var id = store.Record("discord", "q", new ChatReply { Text = "a" });
        store.Vote(id, "discord", "395786107780071424", helpful: true);

        await using var dump = database.DataSource.CreateCommand("SELECT concat_ws(' ', answer_id, user_hash) FROM chat_votes");
        Assert.Equal($"{id} {store.HashUser("discord", "395786107780071424")}",
            await dump.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
