using Bot.Knowledge.Companies;

namespace Bot.Tests.Knowledge;

public sealed class QuestionParserTests
{
    private static readonly QuestionParser Parser =
        new(new CompanyCatalog(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("msft layoffs may 2025 how many?", "Microsoft")]
    [InlineData("Microsfot layoffs in May 2025", "Microsoft")]
    [InlineData("what was shopfy's reasoning?", "Shopify")]
    [InlineData("why did facebook lay people off", "Meta")]
    [InlineData("what date did alphabet announce the 12k layoffs?", "Google")]
    [InlineData("did AWS cut jobs", "Amazon")]
    [InlineData("twitter layoffs nov 2022", "Twitter")]
    public void Companies_are_found_by_alias_and_with_one_typo(string question, string company) =>
        Assert.Equal(company, Assert.Single(Parser.Parse(question).Companies));

    [Theory]
    [InlineData("layoffs in 2023", "2023-01-01", "2024-01-01")]
    [InlineData("how many in jan 2023", "2023-01-01", "2023-02-01")]
    [InlineData("cuts in may 2020?", "2020-05-01", "2020-06-01")]
    [InlineData("what happened last October", "2026-10-01", "2026-11-01")]
    [InlineData("layoffs this year", "2026-01-01", "2027-01-01")]
    [InlineData("layoffs last year", "2025-01-01", "2026-01-01")]
    [InlineData("ibm q4 2025 cuts", "2025-10-01", "2026-01-01")]
    public void Periods_are_parsed_relative_to_the_clock(string question, string from, string to)
    {
        var period = Parser.Parse(question).Period;
        Assert.NotNull(period);
        Assert.Equal(DateTime.Parse(from), period.From);
        Assert.Equal(DateTime.Parse(to), period.To);
    }

    [Theory]
    [InlineData("How many roles did Amazon cut and why?", "How many roles did Amazon cut", "why")]
    [InlineData("okta feb 2024 cuts: how many ppl, and how long is the pay freeze?", "okta feb 2024 cuts: how many ppl",
        "how long is the pay freeze")]
    [InlineData("zillow may 2024 - how many jobs and how much money will it save?", "zillow may 2024 - how many jobs",
        "how much money will it save")]
    [InlineData("what did okta give the ppl it let go in feb 2024? severance, stock etc",
        "what did okta give the ppl it let go in feb 2024 severance, stock etc")]
    public void A_question_is_split_into_its_parts(string question, params string[] parts) =>
        Assert.Equal(parts, Parser.Parse(question).Parts.Select(p => p.Text));

    [Theory]
    [InlineData("dropbx mar 2024 layoffs - what severance did the 500 get?", "severance")]
    [InlineData("how many of the okta job cuts were in canada? the toronto office", "canada toronto office")]
    [InlineData("how many roles did Amazon cut in 2023?", "")]
    public void The_focus_is_what_is_left_after_company_period_and_layoff_words(string question, string focus) =>
        Assert.Equal(focus, string.Join(" ", Parser.Parse(question).Parts.SelectMany(p => p.Focus)));

    [Theory]
    [InlineData("hi", QuestionIntent.Help)]
    [InlineData("thanks!", QuestionIntent.Help)]
    [InlineData("what can you do?", QuestionIntent.Help)]
    [InlineData("what's the weather in Paris?", QuestionIntent.Help)]
    [InlineData("亚马逊裁了多少人？", QuestionIntent.Help)]
    [InlineData("?!...", QuestionIntent.Help)]
    [InlineData("any layoffs this week?", QuestionIntent.Recency)]
    [InlineData("latest tech layoffs", QuestionIntent.Recency)]
    [InlineData("how many people did Meta lay off in 2023?", QuestionIntent.Layoffs)]
    [InlineData("hi, how many jobs did intel cut?", QuestionIntent.Layoffs)]
    public void The_intent_comes_first(string question, QuestionIntent intent) =>
        Assert.Equal(intent, Parser.Parse(question).Intent);

    [Fact]
    public void Each_company_of_a_comparison_keeps_the_period_written_beside_it()
    {
        var scopes = Parser.Parse("who cut a bigger share: dropbx in mar 24 or okta in feb 24?").Scopes;
        Assert.Equal(["Dropbox", "Okta"], scopes.Select(s => s.Company));
        Assert.Equal(new DateTime(2024, 3, 1), scopes[0].Period!.From);
        Assert.Equal(new DateTime(2024, 2, 1), scopes[1].Period!.From);
    }

    [Fact]
    public void Two_periods_of_one_company_are_both_kept() =>
        Assert.Equal(["March 2023", "June 2024"],
            Parser.Parse("okta mar 2023 vs jun 2024 cuts, which round was bigger?").Periods.Select(p => p.Label));

    [Fact]
    public void A_follow_up_without_a_company_takes_the_threads_subject()
    {
        var parsed = Parser.Parse("and why?", [new ConversationTurn("how many roles did Amazon cut in 2023?", "18,000")]);
        Assert.Equal("Amazon", Assert.Single(parsed.Companies));
        Assert.True(parsed.InheritedSubject);
        Assert.Equal(2023, parsed.Period!.From.Year);
        Assert.Contains("why", Assert.Single(parsed.Parts).Text);
    }

    [Fact]
    public void Ordinary_words_are_not_mistaken_for_companies() =>
        Assert.Empty(Parser.Parse("how many people lost their jobs in total this month?").Companies);

    [Theory]
    [InlineData("who sent the acme layoff email?", true)]
    [InlineData("acme layoffs - who said they were responsible?", true)]
    [InlineData("what is acme doing with staff who can't be retrained?", false)]
    [InlineData("how many people who work in sales were cut?", false)]
    public void Who_asks_for_a_person_only_as_the_question_word(string question, bool asksWho) =>
        Assert.Equal(asksWho, Parser.Parse(question).Parts.Any(new Bot.Knowledge.Answering.Kinds.WhoKind().AppliesTo));
}
