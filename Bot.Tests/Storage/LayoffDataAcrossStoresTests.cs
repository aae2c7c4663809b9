using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.Storage;

/// <summary>
/// The layoff data the answers, <c>layoffs</c>, <c>top</c> and the digest read, compared whole between LiteDB and PostgreSQL.
/// </summary>
public sealed class LayoffDataAcrossStoresTests
{
    [Fact]
    public async Task The_queries_give_the_same_results_in_the_same_order_on_both_stores()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var database = new PostgresDatabase(pg.ConnectionString);
        var postgres = new PostgresLayoffDataStore(database);
        using var lite = EventsTestData.NewDatabase();
        string[] layoffs = [EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent];
        string[] warn = [EventsTestData.Warn("wa"), EventsTestData.Warn("ca")];
        new LayoffsFyiImporter(postgres).Import(layoffs, ct);
        new WarnNoticeImporter(postgres).Import(warn, ct);
        new LayoffsFyiImporter(lite).Import(layoffs, ct);
        new WarnNoticeImporter(lite).Import(warn, ct);

        var onPostgres = Answers(new LayoffDataQueries(postgres, postgres, postgres));
        var onLiteDb = Answers(new LayoffDataQueries(lite));

        Assert.Equal(onLiteDb.Count, onPostgres.Count);
        static string Start(string json) => json[..Math.Min(600, json.Length)];
        foreach (var (name, json) in onLiteDb)
            Assert.True(json == onPostgres[name], $"{name} differs:\nLiteDB:     {Start(json)}\nPostgreSQL: {Start(onPostgres[name])}");
        Assert.Contains("Amazon", onPostgres["top 2023"]);
    }

    private static Dictionary<string, string> Answers(LayoffDataQueries queries)
    {
        string Json(object value) => JsonSerializer.Serialize(value);
        var answers = new Dictionary<string, string>
        {
            ["top 2023"] = Json(queries.TopCompanies(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 15)),
            ["totals 2022"] = Json(queries.TotalsByCompany(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31))),
            ["latest"] = Json(queries.Latest(new DateOnly(2026, 12, 31), 25)),
            ["latest 2023-01-04"] = Json(queries.Latest(new DateOnly(2023, 1, 4), 25)),
            ["names goo"] = Json(queries.CompanyNames("goo", 10)),
            ["rows"] = queries.RowCount().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var company in (string[])["Amazon", "Meta", "Google", "Intel", "Salesforce"])
        {
            answers[$"timeline {company}"] = Json(queries.Timeline(company));
            answers[$"months {company}"] = Json(queries.MonthlyTotals(company));
            answers[$"warn {company}"] = Json(queries.WarnByState(company));
            answers[$"warn CA {company}"] = Json(queries.WarnNotices(company, "CA"));
        }
        return answers;
    }
}
