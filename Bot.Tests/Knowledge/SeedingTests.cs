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
    private KnowledgeSeeder Seeder => SeederOf(_first, _second);

    private KnowledgeSeeder SeederOf(params string[] seedPaths) => new(
        _knowledge.Services.Get<DocumentStore>(), _knowledge.Services.Get<IKnowledgeMeta>(),
        _knowledge.Services.Get<Bot.Knowledge.LayoffData.ILayoffRowStore>(), _knowledge.Services.Get<IngestionPipeline>(),
        Microsoft.Extensions.Options.Options.Create(new Bot.Knowledge.KnowledgeOptions { SeedPaths = seedPaths }));
    private int Documents => _knowledge.Services.Get<DocumentStore>().DocumentCount;

    [Fact]
    public async Task An_interrupted_seeding_is_completed_by_the_next_run_which_says_so()
    {
        var interrupted = new CancellationTokenSource();
        // Stop the run as soon as the first seed path is done, as Ctrl+C or a kill would.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Seeder.SeedOrResumeAsync(line => { if (line.StartsWith("Seeded ", StringComparison.Ordinal)) interrupted.Cancel(); },
                interrupted.Token));
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

    [Fact]
    public async Task The_data_verbs_get_the_seed_tables_of_a_base_that_holds_articles_but_no_rows()
    {
        await _knowledge.Services.Get<IngestionPipeline>().IngestAsync([_first], null, TestContext.Current.CancellationToken);
        var table = _knowledge.Dir.File("layoffs_fyi_2025_2026_recent.csv");
        File.WriteAllText(table, Bot.Tests.Digest.Support.LayoffRowsFile.Csv(("Acme", 120, "2026-03-02"), ("Globex", 40, "2026-03-09")));
        var seeder = SeederOf(_second, table);
        var rows = _knowledge.Services.Get<Bot.Knowledge.LayoffData.ILayoffRowStore>();
        var lines = new List<string>();

        await seeder.SeedLayoffDataAsync(lines.Add, TestContext.Current.CancellationToken);

        Assert.Equal(2, rows.Count());
        Assert.Equal(2, Documents); // only the tables: the articles folder among the seed paths is left alone
        Assert.StartsWith("added: ", lines[1], StringComparison.Ordinal);
        lines.Clear();
        await seeder.SeedLayoffDataAsync(lines.Add, TestContext.Current.CancellationToken);
        Assert.Empty(lines); // rows present: nothing more to do
    }
}
