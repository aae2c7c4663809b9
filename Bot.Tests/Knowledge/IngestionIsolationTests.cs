namespace Bot.Tests.Knowledge;

/// <summary>Each file and row succeeds or fails on its own: long values, oversized files and failed transactions stop nothing
/// else.</summary>
public sealed class IngestionIsolationTests : IDisposable
{
    private readonly TempKnowledgeBase _knowledge = new(new Dictionary<string, string?> { ["Knowledge:MaxDocumentBytes"] = "20000" });
    private KnowledgeDatabase Database => _knowledge.Database;
    private KnowledgeServices Services => _knowledge.Services;
    private TestPaths.TempDir Dir => _knowledge.Dir;

    public void Dispose() => _knowledge.Dispose();

    private static string Article(string title, string url) => $"""
        ---
        title: {title}
        url: {url}
        publisher: Test Wire
        date_published: 2024-03-05
        ---

        {title} said on Tuesday it will cut 300 jobs as demand slows. The company said the cuts affect sales teams.
        """;

    private string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Dir.Path, "in", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<IngestReport> IngestAsync(params string[] sources) =>
        Services.Get<IngestionPipeline>().IngestAsync(sources, null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Long_urls_and_paths_are_stored_whole_and_the_files_after_them_are_read()
    {
        var longUrl = "https://example.com/news/" + new string('a', 1_100);
        WriteFile("a-long-url.md", Article("Acme", longUrl));
        // A path over 1,023 bytes: six nested folders of 200 characters.
        var deepPath = WriteFile(Path.Combine(Enumerable.Repeat(new string('d', 200), 6).Append("deep.md").ToArray()),
            Article("Globex", "unknown"));
        WriteFile("z-last.md", Article("Initech", "https://example.com/initech"));

        var first = await IngestAsync(Path.Combine(Dir.Path, "in"));
        var again = await IngestAsync(Path.Combine(Dir.Path, "in"));

        Assert.Equal(3, first.Count(IngestOutcome.Added));
        Assert.Equal(3, again.Count(IngestOutcome.Unchanged)); // the bounded keys still find what was stored
        var documents = Services.Get<DocumentStore>().ListDocuments();
        Assert.Equal(longUrl, Assert.Single(documents, d => d.Title == "Acme").Url);
        Assert.Equal(deepPath, Assert.Single(documents, d => d.Title == "Globex").SourcePath);
    }

    [Fact]
    public async Task A_long_company_name_or_employer_is_stored_whole_and_does_not_reject_its_file()
    {
        var longName = "Acme " + string.Join(' ', Enumerable.Repeat("Holdings", 150));
        var layoffs = WriteFile("layoffs_fyi.csv", string.Join("\n",
            "company,location,total_laid_off,date,percentage_laid_off,industry,source,stage,funds_raised,country,date_added",
            $"\"{longName}\",Berlin,120,3/2/2023,0.1,Retail,https://example.org/a,Series B,10,Germany,3/3/2023",
            "Bolt,Tallinn,50,3/2/2023,,Transport,https://example.org/b,Series B,10,Estonia,3/3/2023") + "\n");
        var warnLines = File.ReadLines(RepositoryPaths.Shared("data", "warn_notices", "az.csv")).Take(3).ToList();
        var warn = WriteFile("az.csv", string.Join("\n", warnLines[0],
            warnLines[1].Replace("ATC/Vancom of Arizona L.P. dba Veolia Tranport.", longName), warnLines[2]) + "\n");

        var report = await IngestAsync(layoffs, warn);

        Assert.All(report.Items, i => Assert.Equal(IngestOutcome.Added, i.Outcome));
        var rows = LayoffDataCollections.RowsOf(Database.Database).FindAll().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.RawCompany == longName);
        var notices = LayoffDataCollections.WarnOf(Database.Database).FindAll().ToList();
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.Employer == longName);
    }

    [Fact]
    public async Task A_document_above_MaxDocumentBytes_is_refused_with_a_message_and_the_next_is_stored()
    {
        var big = WriteFile("a-big.txt", "Acme cuts jobs.\n" + string.Concat(Enumerable.Repeat("Acme said it will cut 300 jobs. ", 1_000)));
        var small = WriteFile("b-small.md", Article("Initech", "https://example.com/initech"));

        var report = await IngestAsync(big, small);

        var refused = report.Items[0];
        Assert.Equal(IngestOutcome.Failed, refused.Outcome);
        Assert.Equal(big, refused.Source);
        Assert.Equal($"{new FileInfo(big).Length:N0} bytes, above the Knowledge:MaxDocumentBytes limit of 20,000", refused.Reason);
        Assert.Equal(IngestOutcome.Added, report.Items[1].Outcome);
    }

    [Fact]
    public async Task A_long_document_reports_how_far_its_embedding_has_got()
    {
        var sentences = Enumerable.Range(1, 300).Select(i => $"Acme said on day {i} that unit {i} will lose {i * 3} jobs.");
        var path = WriteFile("long.txt", "Acme cuts jobs\n" + string.Join(' ', sentences));
        var heard = new List<IngestItemResult>();

        var report = await Services.Get<IngestionPipeline>().IngestAsync([path], new SynchronousProgress<IngestItemResult>(heard.Add),
            TestContext.Current.CancellationToken);

        var working = heard.Where(r => r.Outcome == IngestOutcome.InProgress).ToList();
        Assert.NotEmpty(working);
        Assert.All(working, r => Assert.Matches(@"^\d+ of \d+ passages embedded$", r.Reason));
        Assert.StartsWith("50 of ", working[0].Reason);
        Assert.Equal(IngestOutcome.Added, Assert.Single(report.Items).Outcome); // progress is heard, never counted
    }

    [Fact]
    public void A_failed_save_closes_its_transaction_and_keeps_nothing_of_the_document()
    {
        var store = Services.Get<DocumentStore>();
        var failing = new DocumentRecord { Id = "d1", Title = "t", SourceKey = "k1", Text = "Some text." };

        Assert.Throws<InvalidOperationException>(() => store.Save(failing, [], _ => throw new InvalidOperationException("indexer failed")));

        Assert.Null(store.Get("d1"));
        Assert.Equal(SaveOutcome.Added,
            store.Save(new DocumentRecord { Id = "d2", Title = "t", SourceKey = "k2", Text = "Other text." }, []));
    }

    [Fact]
    public void A_transaction_left_open_on_the_thread_does_not_fail_the_next_save()
    {
        var store = Services.Get<DocumentStore>();
        Assert.True(Database.Database.BeginTrans()); // as an earlier failure whose rollback failed would leave it
        Database.Documents.Insert(new DocumentRecord { Id = "half", Title = "t", SourceKey = "half", Text = "Half written." });

        var outcome = store.Save(new DocumentRecord { Id = "d2", Title = "t", SourceKey = "k2", Text = "Other text." }, []);

        Assert.Equal(SaveOutcome.Added, outcome);
        Assert.Null(store.Get("half"));
        Assert.NotNull(store.Get("d2"));
    }
}
