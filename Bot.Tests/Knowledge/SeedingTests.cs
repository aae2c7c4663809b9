using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Storage;
using Bot.Tests.Knowledge.Support;

namespace Bot.Tests.Knowledge;

/// <summary>Seeding records its progress per seed path: an interrupted first run is completed by the next one, and says so.</summary>
public sealed class SeedingTests : IDisposable
{
    private readonly TempKnowledgeBase _knowledge = new();
    private readonly string _first;
    private readonly string _second;

    public SeedingTests()
    {
        var articles = Directory.GetFiles(TestPaths.Articles, "*.md").Order(StringComparer.Ordinal).ToList();
        _first = CopyInto("first", articles[..2]);
        _second = CopyInto("second", articles[2..4]);
    }

    public void Dispose() => _knowledge.Dispose();

    private string CopyInto(string name, IEnumerable<string> files)
    {
        var folder = _knowledge.Dir.File(name);
        Directory.CreateDirectory(folder);
        foreach (var file in files) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    // Built here because configuration appends array entries to the default seed paths rather than replacing them.
    private KnowledgeSeeder Seeder => new(_knowledge.Services.Get<DocumentStore>(), _knowledge.Services.Get<IKnowledgeMeta>(),
        _knowledge.Services.Get<IngestionPipeline>(),
        Microsoft.Extensions.Options.Options.Create(new Bot.Knowledge.KnowledgeOptions { SeedPaths = [_first, _second] }));
    private int Documents => _knowledge.Services.Get<DocumentStore>().DocumentCount;

    [Fact]
    public async Task An_interrupted_seeding_is_completed_by_the_next_run_which_says_so()
    {
        var interrupted = new CancellationTokenSource();
        // Stop the run as soon as the first seed path is done, as Ctrl+C or a kill would.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Seeder.SeedOrResumeAsync(line => { if (line.StartsWith("Seeded ", StringComparison.Ordinal)) interrupted.Cancel(); }, interrupted.Token));
        Assert.Equal(2, Documents);

        var lines = new List<string>();
        var report = await Seeder.SeedOrResumeAsync(lines.Add, TestContext.Current.CancellationToken);

        Assert.Equal($"An earlier seeding of the knowledge base was interrupted; completing it: {_second} ...", lines[0]);
        Assert.Equal(2, report!.Count(IngestOutcome.Added));
        Assert.Equal(4, Documents);
        Assert.Null(await Seeder.SeedOrResumeAsync(lines.Add, TestContext.Current.CancellationToken)); // complete now: nothing more to do
    }

    [Fact]
    public async Task A_database_filled_by_hand_is_never_seeded()
    {
        await _knowledge.Services.Get<IngestionPipeline>().IngestAsync([_first], null, TestContext.Current.CancellationToken);

        Assert.Null(await Seeder.SeedOrResumeAsync(_ => { }, TestContext.Current.CancellationToken));
        Assert.Equal(2, Documents);
    }
}
