namespace Bot.Tests.LayoffData;

/// <summary>Ingesting an article records the layoff figures it states, which then join the dataset rows of the same round.</summary>
public sealed class ArticleFigureIndexerTests
{
    [Fact]
    public async Task Ingested_memo_figures_join_the_dataset_rows_of_the_same_round_with_their_offsets()
    {
        using var db = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(db);
        await services.Get<IngestionPipeline>().IngestAsync(
        [
            RepositoryPaths.Shared("data", "layoffs_fyi.csv"),
            TestPaths.Article("amazon-2023-01-jassy-18000-variety.md"),
            TestPaths.Article("amazon-2023-01-jassy-18000-bizcommunity.md"),
        ], null, TestContext.Current.CancellationToken);

        var round = Assert.Single(
            services.Get<LayoffDataQueries>().Timeline("Amazon", new DateOnly(2022, 11, 1), new DateOnly(2023, 2, 1), includeWarn: false));
        Assert.Equal([8_000, 10_000], round.DatasetRows.Select(r => r.Count!.Value).Order());
        var memo = round.ArticleFigures.Where(f => f.Count == 18_000).ToList();
        Assert.Equal(2, memo.Count); // both articles, side by side, never averaged
        var store = services.Get<DocumentStore>();
        foreach (var figure in memo.Select(f => f.Article!))
            Assert.Equal(figure.Quote, store.Get(figure.DocumentId)!.Text[figure.Start..figure.End]);
    }

    [Fact]
    public async Task Hypothetical_figures_and_figures_about_other_years_are_not_recorded()
    {
        using var dir = new TestPaths.TempDir();
        using var db = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(db);
        await File.WriteAllTextAsync(dir.File("acme.md"), """
            ---
            title: Acme cuts jobs
            source_url: https://example.com/acme
            publisher: Test Wire
            date_published: 2024-03-05
            company: Intel
            ---

            Intel will cut 1,500 jobs this month, the company said.
            Even a 1 per cent reduction would affect around 1,200 workers.
            Its last major cut, in 2021, eliminated 3,000 roles.
            """, TestContext.Current.CancellationToken);
        await services.Get<IngestionPipeline>().IngestAsync([dir.Path], null, TestContext.Current.CancellationToken);

        var figures = services.Get<IArticleFigureStore>().ForCompany("Intel");
        Assert.Equal([1_500], figures.Select(f => f.Count!.Value));
    }
}
