namespace Bot.Tests.Knowledge;

/// <summary>Details of reading an article that answers depend on, on one invented article.</summary>
public sealed class AnswerDetailTests() : InventedCorpusTest(
    [
        new("Zillow", "2024-05-02", "Test Wire", "Zillow to cut 2,000 jobs",
            "Zillow will cut about 2,000 jobs, a quarter of its staff, as it winds down its home-buying unit. " +
            "Which teams will be affected? " +
            "Another 300 roles in support will move to outside contractors. " +
            "Zillow is headquartered in Seattle. " +
            "The company said the cuts will be complete by the end of 2024.\n\n" +
            "What you need to know\n    • Staff whose roles are affected will be told on Monday    • Zillow keeps its rentals business"),
        new("Initech", "2025-01-20", "Test Wire", "Initech to cut 900 jobs",
            "Initech said on Monday it would cut 900 jobs. " +
            "The layoffs come after the company did the same last July with a smaller group. " +
            "According to a trade paper, that number was put at 150 employees across two offices."),
    ], dataFiles:
    [
        ("layoffs_fyi.csv",
            "company,location,total_laid_off,date,percentage_laid_off,industry,source,stage,funds_raised,country,date_added\n" +
            "Zillow,Seattle,250,3/10/2025,0.04,Real Estate,https://news.example/zillow-2025,Post-IPO,97,United States,3/11/2025\n"),
    ])
{
    [Fact]
    public async Task A_question_the_article_asks_is_never_quoted_as_an_answer()
    {
        var a = await Corpus.AskAsync("which teams will be affected by the zillow cuts?");
        Assert.DoesNotContain(a.Citations, c => c.Quote.Contains("Which teams will be affected?"));
    }

    [Fact]
    public async Task A_bullet_point_is_quoted_without_its_bullet()
    {
        var a = await Corpus.AskAsync("when will zillow staff whose roles are affected be told?");
        Assert.Contains("Monday", a.Text);
        Assert.Contains(a.Citations, c => c.Quote.StartsWith("Staff whose roles are affected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Latest_from_older_articles_adds_the_newer_data_rows()
    {
        var a = await Corpus.AskAsync("latest zillow layoffs?");
        Assert.Contains("2,000", a.Text); // the articles' round
        Assert.Contains("later Zillow layoffs than these articles: 250 on 2025-03-10", a.Text);
        Assert.Contains(a.DataCitations, r => r.Verified && r.Row.Contains("250"));
    }

    [Fact]
    public async Task A_figure_in_a_sentence_that_refers_back_to_an_earlier_round_counts_for_that_round()
    {
        var a = await Corpus.AskAsync("how many people did initech lay off in july 2024?");
        Assert.Contains("150 employees", a.Text);
        Assert.DoesNotContain("900", a.Text);
    }

    [Fact]
    public async Task A_quarter_of_the_staff_is_a_share_not_a_time()
    {
        // No sentence says when the unit winds down; the one with "a quarter of its staff" must not be offered as the time
        // (it may still be quoted as the earliest report of the round).
        var a = await Corpus.AskAsync("zillow: when does the home-buying unit wind down?");
        Assert.DoesNotContain("“Zillow will cut about 2,000 jobs, a quarter of its staff", a.Text);
    }

    /// <summary>Questions one sentence answers: what the reply must say, and what a nearby sentence must not lend it.</summary>
    public static TheoryData<string, string, string[], string[]> Answered => new()
    {
        { "the headline figure of the round wins over a part of it", "how many jobs is zillow cutting?", ["2,000"], ["300 roles"] },
        { "where a company is based is not where its cuts fall", "where is zillow headquartered?", ["Seattle"], [] },
        { "by when is answered by the sentence that sets the end", "zillow: by when will the cuts be done?", ["end of 2024"], [] },
    };

    [Theory]
    [MemberData(nameof(Answered))]
    public Task The_sentence_that_answers_is_the_one_read(string detail, string question, string[] says, string[] never) =>
        AskAndCheckAsync(detail, question, declines: false, says, never);
}
