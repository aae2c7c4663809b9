using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Hosting;

/// <summary>A serve host disposed without being stopped first, as tools and failing start-ups do.</summary>
public sealed class HostDisposalTests
{
    [Fact]
    public async Task Its_seeding_is_cancelled_and_has_ended_before_the_database_closes_which_holds_whole_documents()
    {
        var path = TestDatabase.NewPath();
        var app = ServeCommand.BuildApp(path, "http://127.0.0.1:0", new Dictionary<string, string?>());
        await app.StartAsync(TestContext.Current.CancellationToken);
        var seeding = app.Services.GetServices<IHostedService>().OfType<KnowledgeSeedingService>().Single();
        Assert.False(seeding.ExecuteTask!.IsCompleted, "the shared data takes seconds to seed; the test needs it under way");

        await app.DisposeAsync();

        // Ended, cancelled or complete, not cut off by the close (without the wait it sometimes ended on "Cannot access a
        // disposed object"); cancelled before it began is Canceled.
        Assert.True(seeding.ExecuteTask.IsCompleted);
        Assert.False(seeding.ExecuteTask.IsFaulted, seeding.ExecuteTask.Exception?.GetBaseException().Message);
        using var database = KnowledgeDatabase.Open(path);
        var store = new DocumentStore(database, TimeProvider.System);
        var passages = store.AllPassages().GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var document in store.ListDocuments())
            Assert.All(passages[document.Id], p => Assert.Equal(p.Text, document.Text[p.Start..p.End]));
    }
}
