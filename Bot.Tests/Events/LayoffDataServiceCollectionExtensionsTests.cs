using Bot.Knowledge.Events;
using Bot.Tests.Events.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Events;

public sealed class LayoffDataServiceCollectionExtensionsTests
{
    [Fact]
    public void The_data_services_resolve_over_the_shared_database()
    {
        using var db = EventsTestData.NewDatabase();
        using var provider = new ServiceCollection().AddSingleton<ILiteDatabase>(db).AddLogging().AddLayoffData().BuildServiceProvider();

        var importer = provider.GetRequiredService<DataFileImporter>();
        importer.TryImport(EventsTestData.Warn("ut"), TestContext.Current.CancellationToken);

        var convergys = Assert.Single(provider.GetRequiredService<LayoffEventQueries>().WarnByState("Convergys"));
        Assert.Equal(("UT", 13), (convergys.State, convergys.Notices));
        Assert.NotNull(provider.GetRequiredService<ArticleFigureStore>());
    }
}
