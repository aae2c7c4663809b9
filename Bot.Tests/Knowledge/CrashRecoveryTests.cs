namespace Bot.Tests.Knowledge;

/// <summary>A real process killed in the middle of ingestion leaves a database that opens, holds only whole documents, and
/// resumes.</summary>
[MostlyWaits]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Killing_ingest_mid_run_leaves_only_whole_documents_and_a_rerun_completes()
    {
        using var dir = new TestPaths.TempDir();
        var db = dir.File("crash.db");
        // A dozen of the shared articles: enough to kill the run after five with the rest still to come.
        var articles = Directory.CreateDirectory(dir.File("articles")).FullName;
        foreach (var file in Directory.GetFiles(TestPaths.Articles, "*.md").Order().Take(12))
            File.Copy(file, Path.Combine(articles, Path.GetFileName(file)));
        var host = Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--db", db, "ingest", articles])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using (var process = Process.Start(start)!)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            // Kill it once a few documents are in: somewhere inside a later document's embedding or write.
            var added = 0;
            while (added < 5 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("added:", StringComparison.Ordinal)) added++;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(added >= 5, "ingest did not get going");
        }

        int afterCrash;
        using (var database = KnowledgeDatabase.Open(db))
        {
            var store = new DocumentStore(database, TimeProvider.System);
            var documents = store.ListDocuments();
            var passages = store.AllPassages().GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
            afterCrash = documents.Count;
            Assert.InRange(afterCrash, 5, 11); // killed mid-run: some whole documents in, not all
            foreach (var d in documents)
            {
                Assert.True(passages.ContainsKey(d.Id), $"{d.Title} has no passages");
                Assert.All(passages[d.Id], p => Assert.Equal(p.Text, d.Text[p.Start..p.End]));
            }
            Assert.Empty(passages.Keys.Except(documents.Select(d => d.Id))); // no orphaned passages
        }

        using var reopened = KnowledgeDatabase.Open(db);
        using var services = new KnowledgeServices(reopened);
        var report = await services.Get<IngestionPipeline>().IngestAsync([articles], null, TestContext.Current.CancellationToken);
        Assert.Equal(afterCrash, report.Count(IngestOutcome.Unchanged));
        Assert.Equal(12, services.Get<DocumentStore>().DocumentCount);
    }
}
