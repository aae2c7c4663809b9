using Bot.Knowledge.Answering;
using Bot.Knowledge.Companies;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Knowledge;

public sealed class QuestionParserTests
{
    private static readonly QuestionParser Parser = new(new CompanyCatalog(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));

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
    [InlineData("How many roles did Amazon cut and why?", QuestionKind.Count | QuestionKind.Reason)]
    [InlineData("why did meta lay people off in nov 2022", QuestionKind.Reason)]
    [InlineData("when did Intel announce its 15,000 cuts?", QuestionKind.Date)]
    [InlineData("who wrote the memo about meta cutting ~600 AI jobs?", QuestionKind.Who)]
    [InlineData("what % of staff did Stripe let go", QuestionKind.Percent)]
    [InlineData("which companies cited AI as a reason for cuts in 2025?", QuestionKind.List | QuestionKind.Reason)]
    [InlineData("compare google and meta layoffs", QuestionKind.Compare)]
    public void The_kind_of_question_is_recognised(string question, QuestionKind kinds) =>
        Assert.Equal(kinds, Parser.Parse(question).Kinds);

    [Fact]
    public void A_follow_up_without_a_company_takes_the_threads_subject()
    {
        var parsed = Parser.Parse("and why?", [new ConversationTurn("how many roles did Amazon cut in 2023?", "18,000")]);
        Assert.Equal("Amazon", Assert.Single(parsed.Companies));
        Assert.True(parsed.InheritedSubject);
        Assert.Equal(2023, parsed.Period!.From.Year);
        Assert.True(parsed.Has(QuestionKind.Reason));
    }

    [Fact]
    public void Ordinary_words_are_not_mistaken_for_companies() =>
        Assert.Empty(Parser.Parse("how many people lost their jobs in total this month?").Companies);
}
