namespace Bot.Tests.LayoffData;

public sealed class LayoffDataServiceCollectionExtensionsTests
{
    [Fact]
    public void The_data_services_resolve_over_the_shared_database()
    {
        using var db = EventsTestData.NewDatabase();
        using var provider = new ServiceCollection().AddLogging()
            .AddSingleton<ILayoffRowStore>(new LiteLayoffRowStore(db)).AddSingleton<IWarnNoticeStore>(new LiteWarnNoticeStore(db))
            .AddSingleton<IArticleFigureStore>(new ArticleFigureStore(db)).AddLayoffData().BuildServiceProvider();

        var importer = provider.GetRequiredService<DataFileImporter>();
        importer.TryImport(EventsTestData.Warn("ut"), TestContext.Current.CancellationToken);

        var convergys = Assert.Single(provider.GetRequiredService<LayoffDataQueries>().WarnByState("Convergys"));
        Assert.Equal(("UT", 13), (convergys.State, convergys.Notices));
        Assert.NotNull(provider.GetRequiredService<IArticleFigureStore>());
    }
}
