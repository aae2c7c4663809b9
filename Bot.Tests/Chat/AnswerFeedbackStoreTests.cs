using Bot.Host.Chat;
using Bot.Knowledge.Storage;
using Bot.Tests.Knowledge.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Chat;

/// <summary>Votes on answers in a real LiteDB file: one per user per answer, changeable, user ids hashed.</summary>
public sealed class AnswerFeedbackStoreTests : IDisposable
{
    private readonly TestPaths.TempDir _dir = new();
    private readonly KnowledgeDatabase _database;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AnswerFeedbackStore _store;

    public AnswerFeedbackStoreTests()
    {
        _database = KnowledgeDatabase.Open(_dir.File("kb.db"));
        _store = new AnswerFeedbackStore(_database, Options.Create(new ChatOptions { FeedbackRetentionDays = 30 }), _clock);
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }

    private string Answer(string question = "How many roles did Amazon cut?") => _store.Record("discord", question, new ChatReply
    {
        Text = "Amazon cut about 18,000 roles.",
        Mode = "extractive",
        Quotes = [new ChatQuote(1, "just over 18,000 roles", new ChatSource("Update from Andy Jassy", "https://example.com/a", "Amazon", "2023-01-04"))],
    });

    [Fact]
    public void A_vote_is_stored_with_the_question_mode_and_citations()
    {
        var id = Answer();

        Assert.Equal(VoteOutcome.Recorded, _store.Vote(id, "discord", "395786107780071424", helpful: false));

        var answer = Assert.Single(_store.LatestNotHelpful(10));
        Assert.Equal(("How many roles did Amazon cut?", "extractive", 1, 0), (answer.Question, answer.Mode, answer.NotHelpful, answer.Helpful));
        Assert.Equal("just over 18,000 roles", Assert.Single(answer.Citations).Quote);
        Assert.Equal(new FeedbackCounts(1, 0, 1), _store.Counts());
    }

    [Fact]
    public void A_changed_vote_moves_the_users_one_vote_to_the_other_side()
    {
        var id = Answer();
        _store.Vote(id, "discord", "u1", helpful: true);

        Assert.Equal(VoteOutcome.Changed, _store.Vote(id, "discord", "u1", helpful: false));

        Assert.Equal(new FeedbackCounts(1, 0, 1), _store.Counts());
        Assert.Equal((0, 1), (_store.Find(id, out _)!.Helpful, _store.Find(id, out _)!.NotHelpful));
    }

    [Fact]
    public void A_second_user_adds_a_second_vote()
    {
        var id = Answer();
        _store.Vote(id, "discord", "u1", helpful: true);

        Assert.Equal(VoteOutcome.Recorded, _store.Vote(id, "discord", "u2", helpful: true));
        // The same id on another platform is another person.
        Assert.Equal(VoteOutcome.Recorded, _store.Vote(id, "slack", "u1", helpful: true));

        Assert.Equal(new FeedbackCounts(1, 3, 0), _store.Counts());
    }

    [Fact]
    public void A_replayed_click_changes_nothing()
    {
        var id = Answer();
        _store.Vote(id, "discord", "u1", helpful: false);

        Assert.Equal(VoteOutcome.Unchanged, _store.Vote(id, "discord", "u1", helpful: false));

        Assert.Equal(1, _store.Find(id, out _)!.NotHelpful);
        Assert.Equal(new FeedbackCounts(1, 0, 1), _store.Counts());
    }

    [Fact]
    public void An_unknown_answer_id_is_refused_and_stores_nothing()
    {
        Answer();

        Assert.Equal(VoteOutcome.UnknownAnswer, _store.Vote("0000000000000000", "discord", "u1", helpful: true));

        Assert.Equal(new FeedbackCounts(1, 0, 0), _store.Counts());
    }

    [Fact]
    public void An_answer_past_the_retention_period_takes_no_vote_and_unvoted_old_answers_are_deleted()
    {
        var voted = Answer("voted on");
        var unvoted = Answer("never voted on");
        _store.Vote(voted, "discord", "u1", helpful: false);
        _clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(VoteOutcome.Expired, _store.Vote(voted, "discord", "u2", helpful: true));
        Answer("a new one"); // recording prunes

        Assert.Null(_store.Find(unvoted, out _));
        Assert.NotNull(_store.Find(voted, out var expired));
        Assert.True(expired);
    }

    [Fact]
    public void User_ids_are_stored_only_as_a_keyed_hash()
    {
        var id = Answer();
        _store.Vote(id, "discord", "395786107780071424", helpful: true);
        _database.Database.Checkpoint();

        var hash = _store.HashUser("discord", "395786107780071424");
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("discord:395786107780071424"u8)), hash);
        var file = File.ReadAllBytes(_dir.File("kb.db"));
        Assert.Equal(-1, file.AsSpan().IndexOf("395786107780071424"u8));
        Assert.NotEqual(-1, file.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(hash)));
    }

    [Fact]
    public void Latest_not_helpful_lists_the_most_recently_voted_first()
    {
        var older = Answer("first question");
        var newer = Answer("second question");
        _store.Vote(newer, "discord", "u1", helpful: false);
        _clock.Advance(TimeSpan.FromMinutes(5));
        _store.Vote(older, "discord", "u1", helpful: false);
        _store.Vote(Answer("liked"), "discord", "u1", helpful: true);

        Assert.Equal(["first question", "second question"], _store.LatestNotHelpful(10).Select(a => a.Question));
    }
}
