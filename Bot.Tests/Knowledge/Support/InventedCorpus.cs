namespace Bot.Tests.Knowledge.Support;

/// <summary>An invented article: front matter as the shared articles have it, and a body of plain sentences.</summary>
public sealed record InventedArticle(string Company, string Date, string Publisher, string Title, string Body);

/// <summary>
/// A knowledge base of a few invented articles (not the eval articles), ingested through the real
/// pipeline into an in-memory LiteDB, answered by the real engine: unit tests of answer kinds that do
/// not depend on which shared files exist.
/// </summary>
public sealed class InventedCorpus : IDisposable
{
    private readonly TestPaths.TempDir _dir = new();
    private readonly KnowledgeDatabase _db = KnowledgeDatabase.InMemory();

    public KnowledgeServices Services { get; }

    private InventedCorpus(TimeProvider? time) => Services = new KnowledgeServices(_db, time: time);

    /// <param name="dataFiles">Data tables to ingest too, as (file name, CSV text), e.g. rows in the layoffs.fyi layout.</param>
    public static async Task<InventedCorpus> CreateAsync(IEnumerable<InventedArticle> articles, TimeProvider? time = null,
        IEnumerable<(string Name, string Csv)>? dataFiles = null)
    {
        var corpus = new InventedCorpus(time);
        var files = new List<string>();
        foreach (var (a, i) in articles.Select((a, i) => (a, i)))
        {
            var file = corpus._dir.File($"{i:D2}-{a.Company.ToLowerInvariant()}.md");
            await File.WriteAllTextAsync(file,
                $"---\ntitle: \"{a.Title}\"\nsource_url: https://news.example/{i}\npublisher: {a.Publisher}\ndate_published: " +
                    $"{a.Date}\ncompany: {a.Company}\n---\n\n{a.Body}\n");
            files.Add(file);
        }
        foreach (var (name, csv) in dataFiles ?? [])
        {
            var file = corpus._dir.File(name);
            await File.WriteAllTextAsync(file, csv);
            files.Add(file);
        }
        var report = await corpus.Services.Get<IngestionPipeline>().IngestAsync(files, null, CancellationToken.None);
        Assert.DoesNotContain(report.Items, i => i.Outcome == IngestOutcome.Failed);
        return corpus;
    }

    public Task<Answer> AskAsync(string question, IReadOnlyList<ConversationTurn>? history = null) =>
        Services.Get<IAnswerEngine>().AnswerAsync(new AnswerRequest(question) { History = history ?? [] },
            TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Services.Dispose();
        _db.Dispose();
        _dir.Dispose();
    }
}

/// <summary>A test class over one invented corpus, created before its tests and disposed after.</summary>
public abstract class InventedCorpusTest(IReadOnlyList<InventedArticle> articles, TimeProvider? time = null,
    IReadOnlyList<(string Name, string Csv)>? dataFiles = null) : IAsyncLifetime
{
    protected InventedCorpus Corpus { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Corpus = await InventedCorpus.CreateAsync(articles, time, dataFiles);

    /// <summary>Asks, and checks the reply answers (or declines) and says each of <paramref name="says"/> and none of
    /// <paramref name="never"/>; <paramref name="because"/> names the case in a failure.</summary>
    protected async Task AskAndCheckAsync(string because, string question, bool declines, string[] says, string[] never)
    {
        var a = await Corpus.AskAsync(question);
        Assert.True(a.NoAnswer == declines, $"{because}: expected {(declines ? "a decline" : "an answer")}, got: {a.Text}");
        Assert.All(says, s => Assert.Contains(s, a.Text));
        Assert.All(never, n => Assert.DoesNotContain(n, a.Text));
    }

    public ValueTask DisposeAsync()
    {
        Corpus.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
