using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Knowledge;

public sealed class VerifierTests
{
    private const string Text = "Acme will cut 1,200 jobs. The company blamed slowing demand for gadgets.";

    private static (AnswerVerifier Verifier, KnowledgeDatabase Db) Create()
    {
        var db = KnowledgeDatabase.InMemory();
        var store = new DocumentStore(db, TimeProvider.System);
        store.Save(new DocumentRecord { Id = "d1", SourceKey = "k", Title = "Acme", Text = Text, ContentHash = "h",
            Published = new DateTime(2024, 3, 5), PublishedPrecision = "day" }, []);
        return (new AnswerVerifier(store, [], NullLogger<AnswerVerifier>.Instance), db);
    }

    private static Citation Quote(int n, int start, int end, string? text = null) =>
        new() { N = n, Quote = text ?? Text[start..end], DocumentId = "d1", Title = "Acme", Start = start, End = end,
            Published = "2024-03-05" };

    [Fact]
    public void A_verbatim_quote_and_its_figure_are_kept()
    {
        var (verifier, db) = Create();
        using var _ = db;
        var answer = verifier.Verify(new Answer
            { Question = "q", Mode = "extractive", Text = "Acme: 1,200 jobs, reported March 5, 2024 [1].", Citations = [Quote(1, 0, 25)] });
        Assert.True(Assert.Single(answer.Citations).Verified);
        Assert.Contains("1,200", answer.Text);
        Assert.False(answer.NoAnswer);
    }

    [Fact]
    public void A_tampered_quote_is_dropped_and_the_figure_it_carried_is_removed()
    {
        var (verifier, db) = Create();
        using var _ = db;
        var tampered = Quote(1, 0, 25, "Acme will cut 1,500 jobs.");
        var answer = verifier.Verify(new Answer
            { Question = "q", Mode = "llm", Text = "Acme cut 1,500 jobs [1].", Citations = [tampered] });
        Assert.Empty(answer.Citations);
        Assert.DoesNotContain("1,500", answer.Text);
        Assert.True(answer.NoAnswer);
    }

    [Fact]
    public void A_figure_that_no_kept_quote_states_is_removed_with_its_sentence()
    {
        var (verifier, db) = Create();
        using var _ = db;
        var answer = verifier.Verify(new Answer
            { Question = "q", Mode = "llm", Text = "Acme cut 1,200 jobs [1]. About 3,000 more may follow.",
            Citations = [Quote(1, 0, 25)] });
        Assert.Contains("1,200", answer.Text);
        Assert.DoesNotContain("3,000", answer.Text);
    }

    [Theory]
    [InlineData("Acme: 1,200 jobs, reported by smi24.net [1].")]
    [InlineData("Daily8 gives 1,200 jobs [1].")]
    [InlineData("Acme: 1,200 jobs (https://news.example/2024/77/acme) [1].")]
    public void Digits_inside_names_and_addresses_are_not_figures(string text)
    {
        var (verifier, db) = Create();
        using var _ = db;
        var answer = verifier.Verify(new Answer { Question = "q", Mode = "extractive", Text = text, Citations = [Quote(1, 0, 25)] });
        Assert.Equal(text, answer.Text);
    }

    [Fact]
    public void A_figure_beside_a_name_with_digits_is_still_checked()
    {
        var (verifier, db) = Create();
        using var _ = db;
        var answer = verifier.Verify(new Answer
            { Question = "q", Mode = "llm", Text = "Acme cut 1,200 jobs [1]. Daily8 gives 1,900 jobs [1]. Acme cut 14pc of staff [1].",
            Citations = [Quote(1, 0, 25)] });
        Assert.Contains("1,200", answer.Text);
        Assert.DoesNotContain("1,900", answer.Text);
        Assert.DoesNotContain("14pc", answer.Text);
    }

    [Fact]
    public void Words_in_quotation_marks_must_be_in_a_kept_quote()
    {
        var (verifier, db) = Create();
        using var _ = db;
        var answer = verifier.Verify(new Answer
            { Question = "q", Mode = "llm",
            Text = "The reason: “slowing demand for gadgets” [1]. It also said “AI made them redundant” [1].",
            Citations = [Quote(1, 26, Text.Length)] });
        Assert.Contains("slowing demand", answer.Text);
        Assert.DoesNotContain("redundant", answer.Text);
    }

    [Fact]
    public void Offsets_outside_the_document_are_refused()
    {
        var (verifier, db) = Create();
        using var _ = db;
        var answer = verifier.Verify(new Answer
            { Question = "q", Mode = "llm", Text = "x [1].", Citations = [Quote(1, 60, 500, "nothing")] });
        Assert.Empty(answer.Citations);
    }
}
