using Bot.Knowledge.Answering;
using Bot.Knowledge.Answering.Kinds;
using Bot.Host.Evaluation;
using Bot.Tests.Knowledge.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Knowledge;

/// <summary>
/// Each answer kind, and the general evidence answer, on a small invented corpus about Dropbox and
/// Okta (companies the shared articles do not cover): an answer from the right sentence, and a
/// precise decline when the sources don't say.
/// </summary>
public sealed class AnswerKindTests()
    : InventedCorpusTest(Articles, new FakeTimeProvider(new DateTimeOffset(2024, 3, 20, 12, 0, 0, TimeSpan.Zero)))
{
    private static readonly InventedArticle[] Articles =
    [
        new("Dropbox", "2024-03-05", "Test Wire", "Dropbox cuts 500 jobs",
            "Dropbox will cut about 500 jobs, roughly 16% of its workforce, CEO Drew Houston said in a memo to staff on March 5. " +
            "Houston said the company must become leaner because revenue growth has slowed sharply. " +
            "The cuts fall mostly on the sales, marketing and recruiting teams. " +
            "Departing employees will receive 16 weeks of base pay and health insurance for six months. " +
            "The company expects the plan to save $120 million a year. " +
            "The approximately 3,100-employee company said its Berlin office will close by June."),
        new("Dropbox", "2024-03-06", "Second Wire", "Dropbox confirms layoffs",
            "Dropbox confirmed it is laying off about 500 employees this week. " +
            "Affected staff will be told by email on Thursday, and the remaining teams will hear about the new structure in April. " +
            "Houston said he takes full responsibility for the decision. " +
            "The company's design studio in Dublin will not be affected by the cuts."),
        new("Dropbox", "2023-10-10", "Third Wire", "Dropbox trims engineering",
            "Dropbox laid off 120 engineers in October as it reorganised its infrastructure group to cut costs."),
        new("Okta", "2024-02-07", "Test Wire", "Okta lays off 400",
            "Okta is cutting about 400 jobs, or 7% of its workforce, to reduce costs amid a slowdown in demand. " +
            "Chief executive Todd McKinnon announced the cuts in an email to employees. " +
            "Counting an earlier reduction, Okta has cut about 700 jobs in total this year."),
        new("Quillfeather", "2024-01-15", "Test Wire", "Quillfeather trims staff",
            "Quillfeather will lay off 45 employees as the note-taking startup runs low on cash."),
    ];


    private static string Reply(Answer a) => EvalGrader.ReplyText(a);

    [Fact]
    public async Task Count_gives_the_figure_of_the_round_asked()
    {
        var a = await Corpus.AskAsync("how many jobs did dropbox cut in march 2024?");
        Assert.False(a.NoAnswer);
        Assert.Contains("500", a.Text);
        Assert.DoesNotContain("120", a.Text);
    }

    [Fact]
    public async Task Count_narrowed_to_a_place_the_sources_do_not_count_declines()
    {
        var a = await Corpus.AskAsync("how many of the dropbox job cuts were in tokyo?");
        Assert.True(a.NoAnswer);
        Assert.DoesNotContain("500", a.Text);
    }

    [Fact]
    public async Task Percent_gives_the_share_and_declines_when_none_is_stated()
    {
        Assert.Contains("16%", (await Corpus.AskAsync("what % of staff did dropbox cut in march 2024?")).Text);
        var none = await Corpus.AskAsync("what percentage of staff did dropbox cut in october 2023?");
        Assert.True(none.NoAnswer);
        Assert.Contains("percentage", none.Text);
    }

    [Fact]
    public async Task Reason_quotes_the_clause_that_carries_it()
    {
        var a = await Corpus.AskAsync("why did dropbox cut jobs in march 2024?");
        Assert.False(a.NoAnswer);
        Assert.Contains("revenue growth has slowed", a.Text);
    }

    [Fact]
    public async Task Date_with_a_focus_quotes_the_sentence_that_times_it()
    {
        var a = await Corpus.AskAsync("dropbox march 2024: when will the remaining teams hear about the new structure?");
        Assert.Contains("April", a.Text);
    }

    [Fact]
    public async Task Who_prefers_the_person_the_focus_is_about()
    {
        var a = await Corpus.AskAsync("who took responsibility for the dropbox layoffs in march 2024?");
        Assert.Contains("Houston", a.Text);
        Assert.True(Reply(a).Contains("responsibility"), Reply(a));
    }

    [Fact]
    public async Task Money_answers_savings_and_declines_without_a_money_figure()
    {
        Assert.Contains("120 million", (await
            Corpus.AskAsync("how much money does dropbox expect to save with the march 2024 cuts?")).Text);
        var none = await Corpus.AskAsync("how much money did okta save with its cuts?");
        Assert.True(none.NoAnswer);
        Assert.Contains("money figure", none.Text);
    }

    [Fact]
    public async Task Terms_quote_severance_and_decline_when_no_term_is_stated()
    {
        var a = await Corpus.AskAsync("what severance did dropbox give in march 2024?");
        Assert.Contains("16 weeks", a.Text);
        Assert.Contains("six months", a.Text);
        var none = await Corpus.AskAsync("what severance did okta give?");
        Assert.True(none.NoAnswer);
        Assert.Contains("don't state the severance", none.Text);
        Assert.DoesNotMatch(@"\d{3}", none.Text);
    }

    [Fact]
    public async Task How_many_units_of_a_term_is_answered_only_by_a_sentence_that_counts_them()
    {
        Assert.Contains("16 weeks", (await Corpus.AskAsync("how many weeks of severance did dropbox give in march 2024?")).Text);
        var none = await Corpus.AskAsync("how many days of severance did dropbox give in march 2024?");
        Assert.True(none.NoAnswer);
        Assert.Contains("don't say how many days", none.Text);
    }

    [Fact]
    public async Task Scope_names_the_teams_hit_and_declines_when_no_team_is_named()
    {
        var a = await Corpus.AskAsync("which teams were hit at dropbox in march 2024?");
        Assert.Contains("recruiting", a.Text);
        var none = await Corpus.AskAsync("which teams were hit at okta?");
        Assert.True(none.NoAnswer);
    }

    [Fact]
    public async Task Workforce_size_is_not_mistaken_for_the_cut()
    {
        var a = await Corpus.AskAsync("dropbox march 2024: how many employees does dropbox have in total?");
        Assert.Contains("3,100", a.Text);
    }

    [Fact]
    public async Task The_general_answer_quotes_what_addresses_the_focus_and_declines_otherwise()
    {
        var a = await Corpus.AskAsync("dropbox march 2024 cuts: is the design studio affected?");
        Assert.False(a.NoAnswer);
        Assert.Contains("design studio", a.Text);
        var none = await Corpus.AskAsync("did okta mention its kubernetes migration?");
        Assert.True(none.NoAnswer);
        Assert.Contains("don't say anything about", none.Text);
    }

    [Fact]
    public async Task A_multi_part_question_is_answered_part_by_part()
    {
        var a = await Corpus.AskAsync("dropbox march 2024: how many jobs, and how much will it save?");
        Assert.Contains("500", a.Text);
        Assert.Contains("120 million", a.Text);
    }

    [Fact]
    public async Task Two_rounds_of_one_company_are_compared_side_by_side()
    {
        var a = await Corpus.AskAsync("dropbox oct 2023 vs march 2024 cuts, which was bigger?");
        Assert.Contains("120", a.Text);
        Assert.Contains("500", a.Text);
        Assert.Contains("March 2024) was the larger", a.Text);
    }

    [Fact]
    public async Task Two_companies_are_compared_by_the_share_asked()
    {
        var a = await Corpus.AskAsync("who cut a bigger share of staff: dropbox in march 2024 or okta in feb 2024?");
        Assert.Contains("16%", a.Text);
        Assert.Contains("7%", a.Text);
    }

    [Fact]
    public async Task Rounds_are_listed_each_with_its_figure_and_source()
    {
        var a = await Corpus.AskAsync("how many layoff rounds has dropbox had, and how big was each?");
        Assert.Contains("120", a.Text);
        Assert.Contains("500", a.Text);
        Assert.True(a.Citations.Count >= 2);
    }

    [Fact]
    public async Task A_total_is_quoted_only_as_a_source_states_it()
    {
        var a = await Corpus.AskAsync("how many jobs has okta cut in total?");
        Assert.Contains("A source gives a running total", a.Text);
        Assert.Contains("700", a.Text);
    }

    [Fact]
    public async Task Without_a_period_the_round_most_sources_report_is_answered_and_the_others_are_named()
    {
        var a = await Corpus.AskAsync("how many roles did dropbox cut and why?");
        Assert.Contains("500", a.Text);
        Assert.Contains("October 2023", a.Text);
    }

    [Fact]
    public async Task A_company_known_only_from_the_articles_is_understood()
    {
        var a = await Corpus.AskAsync("how many people did quillfeather lay off?");
        Assert.False(a.NoAnswer);
        Assert.Contains("45", a.Text);
    }

    [Fact]
    public async Task Answers_the_timeline_and_the_llm_plugin_share_one_notion_of_a_round()
    {
        // The March 5 and March 6 reports are one round (one figure each, a day apart); October 2023 is another.
        var collector = Corpus.Services.Get<EvidenceCollector>();
        var documents = Corpus.Services.Get<Bot.Knowledge.Retrieval.HybridRetriever>().Index.Documents.Where(d
            => d.Companies.FirstOrDefault() == "Dropbox");
        var rounds = collector.RoundsOf("Dropbox", documents);
        Assert.Equal(["March 2024", "October 2023"], rounds.Select(r => r.Label));
        Assert.Equal(2, rounds[0].Documents.Count);
        var timeline = Corpus.Services.Get<Bot.Knowledge.LayoffData.LayoffDataQueries>().Timeline("Dropbox");
        Assert.Equal(timeline.Select(e =>
            e.Start.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)).OrderDescending(),
            rounds.Select(r => r.Label).Order().Reverse());
        var answer = await Corpus.AskAsync("how many roles did dropbox cut and why?");
        Assert.Contains("the March 2024 round; the sources also cover Dropbox layoffs in October 2023", answer.Text);
    }

    [Fact]
    public async Task Reason_date_comparison_and_rounds_decline_when_the_sources_do_not_say()
    {
        var why = await Corpus.AskAsync("why did quillfeather lay people off in 2021?");
        Assert.True(why.NoAnswer, why.Text);
        Assert.DoesNotContain("45", why.Text);
        var when = await Corpus.AskAsync("when does dropbox expect to rehire the engineers it let go in october 2023?");
        Assert.DoesNotContain("April", when.Text);
        var versus = await Corpus.AskAsync("dropbox vs netflix layoffs in 2024, which was bigger?");
        Assert.Contains("Netflix (2024): none of the articles I have covers it", versus.Text);
        Assert.DoesNotContain("was the larger", versus.Text);
        var rounds = await Corpus.AskAsync("how many layoff rounds has netflix had?");
        Assert.True(rounds.NoAnswer);
    }

    [Theory]
    [InlineData("how many jobs did dropbox cut in the first round?", "120", "500")]
    [InlineData("how many jobs did dropbox cut in the second round?", "500", "120")]
    [InlineData("dropbox: how many roles went in the round after the october round?", "500", "120")]
    [InlineData("dropbox: how many roles went before the march cuts?", "120", "500")]
    public async Task A_round_named_by_its_place_is_the_one_answered(string question, string figure, string other)
    {
        var a = await Corpus.AskAsync(question);
        Assert.Contains(figure, a.Text);
        Assert.DoesNotContain(other + " ", a.Text);
    }

    [Fact]
    public async Task A_round_first_reported_weeks_after_the_period_asked_is_not_that_periods_round()
    {
        // Quillfeather's only article is of 15 January 2024: retrieval lets it in for "2023" (news trails events), the answer does not.
        var a = await Corpus.AskAsync("how many people did quillfeather lay off in 2023?");
        Assert.True(a.NoAnswer);
        Assert.DoesNotContain("45", a.Text);
    }

    [Fact]
    public async Task Latest_picks_the_newest_round()
    {
        var a = await Corpus.AskAsync("latest dropbox layoffs: how many?");
        Assert.Contains("500", a.Text);
        var old = await Corpus.AskAsync("dropbox layoffs in october 2023: how many?");
        Assert.Contains("120", old.Text);
    }

    [Fact]
    public async Task Who_and_workforce_decline_when_the_sources_have_nothing_of_the_kind()
    {
        var who = await Corpus.AskAsync("who announced the quillfeather layoffs?");
        Assert.True(who.NoAnswer, who.Text);
        var size = await Corpus.AskAsync("how many employees does okta have in total?");
        Assert.True(size.NoAnswer);
        Assert.Contains("size of the workforce", size.Text);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("thanks!")]
    [InlineData("what can you do?")]
    [InlineData("亚马逊裁了多少人？")]
    [InlineData("?!")]
    public async Task Greetings_help_and_unreadable_messages_get_the_help_reply(string message)
    {
        var a = await Corpus.AskAsync(message);
        Assert.True(a.NoAnswer);
        Assert.Empty(a.Citations);
        Assert.StartsWith("I answer questions about tech layoffs", a.Text);
        Assert.All(HelpKind.ExampleQuestions, q => Assert.Contains(q, a.Text)); // nothing removed by the verifier
        Assert.Contains("/help", a.Text);
    }

    [Fact]
    public async Task Recent_layoffs_say_how_far_the_data_runs_and_list_the_newest_rounds()
    {
        var a = await Corpus.AskAsync("any layoffs this week?");
        Assert.Contains("My data runs to 6 Mar 2024", a.Text);
        Assert.Contains("Dropbox", a.Text);
        Assert.NotEmpty(a.Citations);
    }
}
