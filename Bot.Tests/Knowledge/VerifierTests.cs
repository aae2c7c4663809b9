using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Knowledge;

public sealed class VerifierTests : IDisposable
{
    private const string Text = "Acme will cut 1,200 jobs. The company blamed slowing demand for gadgets.";

    private readonly KnowledgeDatabase _db = KnowledgeDatabase.InMemory();
    private readonly AnswerVerifier _verifier;

    /// <summary>Each test verifies against one stored document, <see cref="Text"/>, published 2024-03-05.</summary>
    public VerifierTests()
    {
        var store = new DocumentStore(_db, TimeProvider.System);
        store.Save(new DocumentRecord { Id = "d1", SourceKey = "k", Title = "Acme", Text = Text, ContentHash = "h",
            Published = new DateTime(2024, 3, 5), PublishedPrecision = "day" }, []);
        _verifier = new AnswerVerifier(store, [], NullLogger<AnswerVerifier>.Instance);
    }

    public void Dispose() => _db.Dispose();

    private Answer Verify(string mode, string text, Citation citation) =>
        _verifier.Verify(new Answer { Question = "q", Mode = mode, Text = text, Citations = [citation] });

    private static Citation Quote(int n, int start, int end, string? text = null) =>
        new() { N = n, Quote = text ?? Text[start..end], DocumentId = "d1", Title = "Acme", Start = start, End = end,
            Published = "2024-03-05" };

    [Fact]
    public void A_verbatim_quote_and_its_figure_are_kept()
    {
        var answer = Verify("extractive", "Acme: 1,200 jobs, reported March 5, 2024 [1].", Quote(1, 0, 25));
        Assert.True(Assert.Single(answer.Citations).Verified);
        Assert.Contains("1,200", answer.Text);
        Assert.False(answer.NoAnswer);
    }

    [Fact]
    public void A_tampered_quote_is_dropped_and_the_figure_it_carried_is_removed()
    {
        var tampered = Quote(1, 0, 25, "Acme will cut 1,500 jobs.");
        var answer = Verify("llm", "Acme cut 1,500 jobs [1].", tampered);
        Assert.Empty(answer.Citations);
        Assert.DoesNotContain("1,500", answer.Text);
        Assert.True(answer.NoAnswer);
    }

    [Fact]
    public void A_figure_that_no_kept_quote_states_is_removed_with_its_sentence()
    {
        var answer = Verify("llm", "Acme cut 1,200 jobs [1]. About 3,000 more may follow.", Quote(1, 0, 25));
        Assert.Contains("1,200", answer.Text);
        Assert.DoesNotContain("3,000", answer.Text);
    }

    [Theory]
    [InlineData("Acme: 1,200 jobs, reported by smi24.net [1].")]
    [InlineData("Daily8 gives 1,200 jobs [1].")]
    [InlineData("Acme: 1,200 jobs (https://news.example/2024/77/acme) [1].")]
    public void Digits_inside_names_and_addresses_are_not_figures(string text)
    {
        var answer = Verify("extractive", text, Quote(1, 0, 25));
        Assert.Equal(text, answer.Text);
    }

    [Fact]
    public void A_figure_beside_a_name_with_digits_is_still_checked()
    {
        var answer = Verify("llm", "Acme cut 1,200 jobs [1]. Daily8 gives 1,900 jobs [1]. Acme cut 14pc of staff [1].", Quote(1, 0, 25));
        Assert.Contains("1,200", answer.Text);
        Assert.DoesNotContain("1,900", answer.Text);
        Assert.DoesNotContain("14pc", answer.Text);
    }

    [Fact]
    public void Words_in_quotation_marks_must_be_in_a_kept_quote()
    {
        var answer = Verify("llm", "The reason: “slowing demand for gadgets” [1]. It also said “AI made them redundant” [1].",
            Quote(1, 26, Text.Length));
        Assert.Contains("slowing demand", answer.Text);
        Assert.DoesNotContain("redundant", answer.Text);
    }

    [Fact]
    public void Offsets_outside_the_document_are_refused()
    {
        var answer = Verify("llm", "x [1].", Quote(1, 60, 500, "nothing"));
        Assert.Empty(answer.Citations);
    }
}
