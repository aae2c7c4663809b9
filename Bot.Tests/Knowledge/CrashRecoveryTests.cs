namespace Bot.Tests.Knowledge;

/// <summary>A real process killed in the middle of ingestion leaves a database that opens, holds only whole documents, and
/// resumes.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Killing_ingest_mid_run_leaves_only_whole_documents_and_a_rerun_completes()
    {
        using var dir = new TestPaths.TempDir();
        var db = dir.File("crash.db");
        var host = Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--db", db, "ingest", TestPaths.Articles])
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
            Assert.InRange(afterCrash, 5, Directory.GetFiles(TestPaths.Articles, "*.md").Length);
            foreach (var d in documents)
            {
                Assert.True(passages.ContainsKey(d.Id), $"{d.Title} has no passages");
                Assert.All(passages[d.Id], p => Assert.Equal(p.Text, d.Text[p.Start..p.End]));
            }
            Assert.Empty(passages.Keys.Except(documents.Select(d => d.Id))); // no orphaned passages
        }

        using var reopened = KnowledgeDatabase.Open(db);
        using var services = new KnowledgeServices(reopened);
        var report = await services.Get<IngestionPipeline>().IngestAsync([TestPaths.Articles], null, TestContext.Current.CancellationToken);
        Assert.Equal(afterCrash, report.Count(IngestOutcome.Unchanged));
        Assert.Equal(Directory.GetFiles(TestPaths.Articles, "*.md").Length, services.Get<DocumentStore>().DocumentCount);
    }
}
