namespace Bot.Tests.LayoffData;

public sealed class LayoffDataQueriesTests
{
    [Fact]
    public void Top_companies_of_2023_are_ranked_by_the_sum_of_their_rows_with_citations()
    {
        using var db = EventsTestData.NewDatabase();
        new LayoffsFyiImporter(db).Import([EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent],
            TestContext.Current.CancellationToken);
        var queries = new LayoffDataQueries(db);

        var top = queries.TopCompanies(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 3);

        // Amazon 2023 in layoffs_fyi.csv: 8,000 + 9,000 + 80 + 180 (two more rows have no count).
        Assert.Equal([("Amazon", 17260), ("Google", 12115), ("Microsoft", 11158)], top.Select(t => (t.Company, t.TotalLaidOff)).ToList());
        var amazon = top[0];
        Assert.Equal((4, 2), (amazon.RowsWithCount, amazon.RowsWithoutCount));
        Assert.Contains(amazon.Rows, c => c.Row == "Amazon | 2023-01-04 | 8,000 laid off | 2% | Seattle | United States" && c.Line == 2600);
        Assert.All(amazon.Rows, c => Assert.True(queries.VerifyRow(c), c.Row));
    }

    [Fact]
    public void Verify_row_accepts_the_stored_rendering_and_refuses_an_altered_figure_or_line()
    {
        using var db = EventsTestData.WithLayoffsFyi();
        var queries = new LayoffDataQueries(db);
        var citation = queries.Rows("Amazon", new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31)).Single().Citation;

        Assert.True(queries.VerifyRow(citation));
        Assert.False(queries.VerifyRow(citation with { Row = citation.Row.Replace("8,000", "18,000") }));
        Assert.False(queries.VerifyRow(citation with { Line = citation.Line + 1 }));
        Assert.False(queries.VerifyRow(citation with { Url = "https://example.org/other" }));
        Assert.False(queries.VerifyRow(citation with { Dataset = "other" }));
    }

    [Fact]
    public void Timeline_since_a_date_lists_later_rounds_only()
    {
        using var db = EventsTestData.WithLayoffsFyi();

        var events = new LayoffDataQueries(db).Timeline("Intel", since: new DateOnly(2022, 1, 1));

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.End >= new DateOnly(2022, 1, 1)));
        Assert.Contains(events, e => e.Sources.Any(s => s.Count == 15000 && s.Date == new DateOnly(2024, 8, 1)));
        Assert.Equal(events.OrderBy(e => e.Start).Select(e => e.Id), events.Select(e => e.Id));
    }

    [Fact]
    public void Monthly_totals_add_up_the_rows_of_each_month()
    {
        using var db = EventsTestData.WithLayoffsFyi();

        var months = new LayoffDataQueries(db).MonthlyTotals("Amazon", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));

        Assert.Equal(
            [("2023-01", 8000), ("2023-03", 9000), ("2023-07", 80), ("2023-11", 180)],
            months.Select(m => (m.Month.ToString("yyyy-MM"), m.TotalLaidOff)).ToList());
    }

    [Fact]
    public void Warn_notices_by_company_and_state_carry_verifiable_citations()
    {
        using var db = EventsTestData.NewDatabase();
        new WarnNoticeImporter(db).Import([EventsTestData.Warn("wa"), EventsTestData.Warn("ca")], TestContext.Current.CancellationToken);
        var queries = new LayoffDataQueries(db);

        var washington = queries.WarnNotices("Amazon.com Services LLC", "wa");

        Assert.Single(washington, n => n.Notice.EmployeesAffected == 2303);
        Assert.Contains(washington, n => n.Notice.EmployeesAffected == 2198);
        Assert.All(washington, n => Assert.Equal("WA", n.Notice.State));
        var cited = washington.Single(n => n.Notice.EmployeesAffected == 2303).Citation;
        Assert.Equal("Amazon | WA | Various locations in Washington | notice 2025-10-28 | effective 2026-01-26 | 2,303 employees | " +
            "mass_layoff", cited.Row);
        Assert.Equal(("WARN", "wa.csv"), (cited.Dataset, cited.File));
        Assert.True(queries.VerifyRow(cited));
        Assert.False(queries.VerifyRow(cited with { Row = cited.Row.Replace("2,303", "2,304") }));
        var states = queries.WarnByState("Amazon");
        Assert.Equal(["CA", "WA"], states.Select(s => s.State).Order().ToList());
        Assert.Equal(queries.WarnNotices("Amazon").Count, states.Sum(s => s.Notices));
    }
}
