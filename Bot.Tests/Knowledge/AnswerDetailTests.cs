using Bot.Tests.Knowledge.Support;

namespace Bot.Tests.Knowledge;

/// <summary>Details of reading an article that answers depend on, on one invented article.</summary>
public sealed class AnswerDetailTests() : InventedCorpusTest(
    [
        new("Zillow", "2024-05-02", "Test Wire", "Zillow to cut 2,000 jobs",
            "Zillow will cut about 2,000 jobs, a quarter of its staff, as it winds down its home-buying unit. " +
            "Which teams will be affected? " +
            "Another 300 roles in support will move to outside contractors. " +
            "Zillow is headquartered in Seattle. " +
            "The company said the cuts will be complete by the end of 2024."),
    ])
{
    [Fact]
    public async Task The_headline_figure_of_the_round_wins_over_a_part_of_it()
    {
        var a = await Corpus.AskAsync("how many jobs is zillow cutting?");
        Assert.Contains("2,000", a.Text);
        Assert.DoesNotContain("300 roles", a.Text);
    }

    [Fact]
    public async Task A_question_the_article_asks_is_never_quoted_as_an_answer()
    {
        var a = await Corpus.AskAsync("which teams will be affected by the zillow cuts?");
        Assert.DoesNotContain(a.Citations, c => c.Quote.Contains("Which teams will be affected?"));
    }

    [Fact]
    public async Task Where_a_company_is_based_is_not_where_its_cuts_fall()
    {
        var a = await Corpus.AskAsync("where is zillow headquartered?");
        Assert.Contains("Seattle", a.Text);
    }

    [Fact]
    public async Task By_when_is_answered_by_the_sentence_that_sets_the_end()
    {
        var a = await Corpus.AskAsync("zillow: by when will the cuts be done?");
        Assert.Contains("end of 2024", a.Text);
    }
}
