using Bot.Knowledge.Companies;
using LiteDB;

namespace Bot.Tests.LayoffData;

public sealed class LayoffRoundGrouperTests(ITestOutputHelper output)
{
    [Fact]
    public void Warn_notices_filed_around_a_round_join_it_as_parts_without_moving_its_dates()
    {
        using var db = EventsTestData.WithLayoffsFyi();
        new WarnNoticeImporter(db).Import([EventsTestData.Warn("wa"), EventsTestData.Warn("ca")], TestContext.Current.CancellationToken);

        var events = new LayoffDataQueries(db).Timeline("Amazon", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31));
        foreach (var e in events) output.WriteLine(LayoffDataTextFormatter.Round(e));

        var october = Assert.Single(events, e => e.DatasetSum == 14000);
        Assert.Equal((new DateOnly(2025, 10, 27), new DateOnly(2025, 10, 27)), (october.Start, october.End));
        var washington = Assert.Single(october.WarnNotices, s => s.Claimant == "WARN notice (WA)");
        Assert.Equal((2303, new DateOnly(2025, 10, 28), "wa.csv"), (washington.Count, washington.Date, washington.Row!.File));
        Assert.Contains(october.WarnNotices, s => s.Claimant == "WARN notice (CA)");
        Assert.False(october.HasConflictingCounts);
        // Washington's 84 of 2025-12-13 belongs with layoffs.fyi's 84 of 2025-12-15, not with the 14,000.
        var december = Assert.Single(events, e => e.DatasetSum == 84);
        Assert.Equal(84, Assert.Single(december.WarnNotices).Count);
    }

    [Fact]
    public void Amazon_january_2023_round_shows_each_sources_figure_side_by_side()
    {
        var memo = ArticleFigures.From("amazon-2023-01-jassy-18000-variety.md", "just over 18,000 roles", "Amazon",
            new DateOnly(2023, 1, 4), 18000, "Andy Jassy memo, via Variety");
        using var db = WithLayoffsFyiAnd(memo);

        var events = new LayoffDataQueries(db).Timeline("Amazon", new DateOnly(2022, 10, 1), new DateOnly(2023, 4, 30));

        var january = Assert.Single(events, e => e.Sources.Any(s => s.Article is not null));
        Assert.Equal((new DateOnly(2022, 11, 16), new DateOnly(2023, 1, 4)), (january.Start, january.End));
        Assert.Equal(
            [("layoffs.fyi", 10000, "2022-11-16"), ("layoffs.fyi", 8000, "2023-01-04"),
                ("Andy Jassy memo, via Variety", 18000, "2023-01-04")],
            january.Sources.Select(s => (s.Claimant, s.Count ?? -1, s.Date.ToString("yyyy-MM-dd"))).ToList());
        Assert.Equal(18000, january.DatasetSum);
        var quoted = january.ArticleFigures.Single().Article!;
        Assert.Equal("just over 18,000 roles", File.ReadAllText(EventsTestData.Article(quoted.DocumentId))[quoted.Start..quoted.End]);
        Assert.All(january.DatasetRows, s => Assert.Equal("layoffs_fyi.csv", s.Row!.File));
        // The 150 of 2022-10-28 and the 9,000 of 2023-03-20 are other rounds.
        Assert.Contains(events, e => e.Start == new DateOnly(2022, 10, 28) && e.DatasetSum == 150);
        Assert.Contains(events, e => e.Start == new DateOnly(2023, 3, 20) && e.DatasetSum == 9000);
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void Stripe_1000_in_the_dataset_and_1140_in_an_article_are_one_event_with_both_figures()
    {
        var article = ArticleFigures.From("stripe-2022-11-collison-14pct-baypayforum.md", "cut about 1,140 jobs", "Stripe",
            new DateOnly(2022, 11, 3), 1140, "BayPay Forum");
        using var db = WithLayoffsFyiAnd(article);

        var stripe = Assert.Single(new LayoffDataQueries(db).Timeline("Stripe", new DateOnly(2022, 11, 1), new DateOnly(2022, 11, 30)));

        Assert.Equal([1000, 1140], stripe.Sources.Select(s => s.Count ?? -1).ToList());
        Assert.Equal(["layoffs.fyi", "BayPay Forum"], stripe.Sources.Select(s => s.Claimant).ToList());
        Assert.Equal(0.14, stripe.DatasetRows.Single().Percentage);
        Assert.True(stripe.HasConflictingCounts);
    }

    [Fact]
    public void A_small_later_cut_is_not_folded_into_a_large_round_and_rounds_more_than_the_window_apart_stay_apart()
    {
        var rows = new[]
        {
            Row("Amazon", "2025-10-27", 14000, 306), Row("Amazon", "2025-12-15", 84, 262), Row("Amazon", "2026-01-28", 16000, 231),
        };

        var events = new LayoffRoundGrouper().Group(rows, []);

        Assert.Equal([14000, 84, 16000], events.Select(e => e.DatasetSum ?? -1).ToList());
    }

    [Fact]
    public void Rows_without_a_count_join_the_round_they_fall_in()
    {
        var rows = new[] { Row("Google", "2024-01-10", 1000, 1), Row("Google", "2024-01-16", null, 2),
            Row("Google", "2024-01-22", null, 3) };

        var single = Assert.Single(new LayoffRoundGrouper().Group(rows, []));

        Assert.Equal(3, single.DatasetRows.Count());
        Assert.Equal(1000, single.DatasetSum);
    }

    [Fact]
    public void An_article_figure_that_fits_no_round_becomes_its_own_event_and_is_never_averaged_in()
    {
        var rows = new[] { Row("Acme", "2023-01-10", 100, 1) };
        var far = new ArticleFigure("Acme", new DateOnly(2023, 1, 12), 5000, null, "5,000 jobs", "doc-1", 10, 20, "Some paper");
        var close = new ArticleFigure("Acme Inc.", new DateOnly(2023, 1, 11), 120, null, "120 people", "doc-2", 0, 10, "Other paper");

        var events = new LayoffRoundGrouper().Group(rows, [far, close]);

        Assert.Equal(2, events.Count);
        Assert.Equal([100, 120], events[0].Sources.Select(s => s.Count ?? -1).ToList());
        Assert.Equal([5000], events[1].Sources.Select(s => s.Count ?? -1).ToList());
        Assert.Empty(events[1].DatasetRows);
    }

    private static LayoffRow Row(string company, string date, int? count, int line) => new()
    {
        Id = $"{company}|{date}|{line}", Company = EmployerNameNormalizer.Canonical(company),
            CompanyKey = EmployerNameNormalizer.CompanyKey(company),
        RawCompany = company, Date = date, Count = count, File = "test.csv", Line = line,
    };

    /// <summary>The layoffs.fyi rows and one figure quoted from an article.</summary>
    private static LiteDatabase WithLayoffsFyiAnd(ArticleFigure figure)
    {
        var db = EventsTestData.WithLayoffsFyi();
        new ArticleFigureStore(db).ReplaceDocument(figure.DocumentId, [figure]);
        return db;
    }
}
