using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge;

public sealed class FactExtractorTests
{
    [Theory]
    [InlineData("Amazon will cut approximately 14,000 corporate roles.", 14000, "approximately")]
    [InlineData("Reuters reports that up to 30,000 corporate roles will be dropped.", 30000, "up to")]
    [InlineData("Google parent Alphabet plans to cut about 12k jobs.", 12000, "about")]
    [InlineData("The company is laying off more than 18,000 employees.", 18000, "more than")]
    [InlineData("Jeff Clarke announced the 6,650 layoffs in a memo.", 6650, null)]
    [InlineData("Google will cut 12,000 as demand slows.", 12000, null)]
    public void Head_counts_keep_their_qualifier(string sentence, long value, string? qualifier)
    {
        var head = Assert.Single(FactExtractor.Extract(sentence).HeadCounts);
        Assert.Equal(value, head.Value);
        Assert.Equal(qualifier, head.Qualifier);
        Assert.True(head.IsLayoff);
        Assert.Equal(head.Text, sentence.Substring(head.Span.Start, head.Span.Length));
    }

    [Fact]
    public void A_total_workforce_is_not_a_layoff_count()
    {
        var facts = FactExtractor.Extract("Out of our 7,500 Airbnb employees, nearly 1,900 teammates will have to leave Airbnb.");
        Assert.True(facts.HeadCounts.Single(h => h.Value == 7500).IsTotalWorkforce);
        var cut = facts.HeadCounts.Single(h => h.Value == 1900);
        Assert.False(cut.IsTotalWorkforce);
        Assert.Equal("nearly", cut.Qualifier);
    }

    [Theory]
    [InlineData("Twitter’s roughly 7,500 employees have been expecting layoffs since Musk took over.")]
    [InlineData("A 'low single-digit percentage' of its 270,000 employees would be affected.")]
    [InlineData("With roughly 270,000 employees worldwide, even a 1 per cent reduction matters.")]
    public void The_whole_workforce_is_recognised_in_its_usual_phrasings(string sentence) =>
        Assert.All(FactExtractor.Extract(sentence).HeadCounts.Where(h => h.Value >= 7500), h => Assert.True(h.IsTotalWorkforce));

    [Fact]
    public void A_possessive_before_a_cut_is_not_a_workforce() =>
        Assert.False(Assert.Single(FactExtractor.Extract("Amazon's 14,000 job cuts were confirmed on Tuesday.").HeadCounts)
            .IsTotalWorkforce);

    [Theory]
    [InlineData("reducing the size of our team by around 14pc", 14)]
    [InlineData("a low single-digit percentage of its workforce", 2)]
    [InlineData("about 10 per cent of staff", 10)]
    [InlineData("a cut of 18% of the workforce", 18)]
    [InlineData("the approximately six percent cut in workforce", 6)]
    [InlineData("letting go of roughly a quarter of the workforce", 25)]
    public void Percentages_are_read_in_every_spelling(string sentence, double value) =>
        Assert.Equal(value, Assert.Single(FactExtractor.Extract(sentence).Percents).Value);

    [Fact]
    public void Years_money_and_dates_are_not_head_counts()
    {
        var facts = FactExtractor.Extract("In 2024 Intel plans $10 billion in savings by Aug. 1, 2025.");
        Assert.Empty(facts.HeadCounts);
    }

    [Fact]
    public void Reason_sentences_score_above_plain_ones()
    {
        var reason = FactExtractor.Extract("He said the macroeconomic downturn, increased competition, and ads signal loss have dropped " +
            "revenue.");
        var plain = FactExtractor.Extract("The announcement was made on Wednesday in California.");
        Assert.True(reason.ReasonScore > 5);
        Assert.Equal(0, plain.ReasonScore);
        Assert.Contains("ai", FactExtractor.Extract("This generation of AI is the most transformative technology.").ReasonCues);
        Assert.DoesNotContain("ai", FactExtractor.Extract("Amazon aims to trim costs.").ReasonCues);
    }

    [Fact]
    public void Who_claims_a_figure_is_recorded()
    {
        var report = FactExtractor.Extract("Reuters reports that up to 30,000 corporate roles will be dropped.");
        Assert.Equal(Claimant.Report, report.Claimant);
        Assert.Equal("Reuters", report.ReportedBy);
        Assert.Equal(Claimant.Company, FactExtractor.Extract("Amazon has confirmed that it will cut 14,000 roles.").Claimant);
    }

    [Fact]
    public void People_are_found_with_their_titles()
    {
        var people = FactExtractor.Extract("Google and Alphabet CEO Sundar Pichai's email to staff opened with the line.").People;
        Assert.Contains(people, p => p.Name.StartsWith("Sundar Pichai"));
        var clarke = FactExtractor.Extract("Jeff Clarke, Dell’s vice chairman and co-COO, announced the 6,650 layoffs.").People;
        Assert.Contains(clarke, p => p.Name == "Jeff Clarke");
    }
}

public sealed class SentenceSegmenterTests
{
    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_sentences()
    {
        const string text = "Intel Corp. said on Aug. 1, 2024 that the U.S. chipmaker will cut 15%. Revenue fell 1.5 percent. J. Smith " +
            "agreed!";
        var sentences = SentenceSegmenter.Split(text).Select(s => s.Of(text)).ToList();
        Assert.Equal(["Intel Corp. said on Aug. 1, 2024 that the U.S. chipmaker will cut 15%.", "Revenue fell 1.5 percent.",
            "J. Smith agreed!"], sentences);
    }

    [Fact]
    public void Line_breaks_inside_a_sentence_are_kept_and_blank_lines_split()
    {
        const string text = "The company said it would cut\nroughly 500 roles this year.\n\nShare on\nThe move follows weak sales.";
        var sentences = SentenceSegmenter.Split(text).Select(s => s.Of(text)).ToList();
        Assert.Equal(["The company said it would cut\nroughly 500 roles this year.", "Share on", "The move follows weak sales."],
            sentences);
    }

    [Fact]
    public void A_range_of_figures_is_a_layoff_figure_though_digit_groups_have_commas()
    {
        var facts = FactExtractor.Extract("Acme said on Tuesday it expects to cut between 4,000 and 6,000 jobs globally by 2028.");
        Assert.Contains(facts.HeadCounts, h => h.Value == 6000 && h.IsLayoff);
    }

    [Fact]
    public void A_title_written_with_capitals_names_the_person_after_it()
    {
        var people = FactExtractor.Extract("The exits are strategic, Chief Financial Officer Jane Roe said on Thursday.").People;
        Assert.Contains(people, p => p.Name == "Jane Roe" && p.Title == "Chief Financial Officer");
    }
}
