using System.Security.Cryptography;

namespace Bot.Tests.Knowledge;

/// <summary>One process at a time has a LiteDB file open; real Bot.Host processes show the others wait or stop cleanly.</summary>
[MostlyWaits]
public sealed class WriterLockTests : IDisposable
{
    private readonly TestPaths.TempDir _dir = new();
    private string DatabasePath => _dir.File("kb.db");

    public void Dispose() => _dir.Dispose();

    /// <summary>A folder with a few of the shared articles, enough for an ingest that takes a few seconds.</summary>
    private string ArticlesFolder(int count)
    {
        var folder = _dir.File("articles");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestPaths.Articles, "*.md").Order(StringComparer.Ordinal).Take(count))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    private Process StartHost(int writerWaitSeconds, params string[] args) =>
        HostProcess.Start(["--db", DatabasePath, .. args], new Dictionary<string,
            string> { ["Knowledge__WriterWaitSeconds"] = writerWaitSeconds.ToString() });

    private static CancellationToken Within(TimeSpan limit) => HostProcess.Within(limit);

    /// <summary>Reads standard error until the process says it is waiting for the database: the signal that it met the lock.</summary>
    private static async Task<string> WaitUntilWaitingAsync(Process process, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            seen.Add(line);
            if (line.Contains("waiting for another LayoffBot process using")) return line;
        }
        throw new Xunit.Sdk.XunitException("the process ended without waiting: " + string.Join('\n', seen));
    }

    [Fact]
    public async Task The_lock_is_released_when_the_last_holder_in_the_process_closes_the_database()
    {
        var first = KnowledgeDatabase.Open(DatabasePath);
        var second = KnowledgeDatabase.Open(DatabasePath); // the same process shares its lock
        first.Dispose();
        var ct = Within(TimeSpan.FromSeconds(60));
        using (var blocked = StartHost(0, "stats"))
        {
            await blocked.WaitForExitAsync(ct);
            Assert.Equal(3, blocked.ExitCode);
        }
        second.Dispose();
        using var free = StartHost(0, "stats");
        var output = await free.StandardOutput.ReadToEndAsync(ct);
        await free.WaitForExitAsync(ct);
        Assert.Equal(0, free.ExitCode);
        Assert.Contains("documents: 0", output);
    }

    [Fact]
    public async Task A_second_writer_waits_then_stops_with_exit_code_3_touching_nothing()
    {
        var articles = ArticlesFolder(2);
        byte[] before;
        using (var holder = KnowledgeDatabase.Open(DatabasePath))
        {
            new DocumentStore(holder, TimeProvider.System).Save(new DocumentRecord
                { Id = "d1", Title = "t", SourceKey = "k", Text = "Some text." }, []);
            before = SHA256.HashData(File.ReadAllBytes(DatabasePath));
            var ct = Within(TimeSpan.FromSeconds(60));
            using var second = StartHost(1, "ingest", articles);
            var output = second.StandardOutput.ReadToEndAsync(ct);
            var waiting = await WaitUntilWaitingAsync(second, ct);
            var errors = await second.StandardError.ReadToEndAsync(ct);
            await second.WaitForExitAsync(ct);

            Assert.Equal(3, second.ExitCode);
            Assert.Contains(Path.GetFullPath(DatabasePath), waiting);
            Assert.StartsWith($"error: another LayoffBot process is still using {Path.GetFullPath(DatabasePath)} after 1 s; nothing was " +
                $"changed.", errors);
            Assert.Equal("", await output);
            Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(DatabasePath)));
        }
        using var reopened = KnowledgeDatabase.Open(DatabasePath);
        Assert.Equal(1, new DocumentStore(reopened, TimeProvider.System).DocumentCount);
    }

    [Fact]
    public async Task Two_processes_ingesting_at_once_end_with_a_complete_readable_database()
    {
        const int articleCount = 6;
        var articles = ArticlesFolder(articleCount);
        var ct = Within(TimeSpan.FromSeconds(180));
        Process first, second;
        // The test holds the file until both processes are waiting for it, so they really run at once.
        using (KnowledgeDatabase.Open(DatabasePath))
        {
            first = StartHost(120, "ingest", articles);
            second = StartHost(120, "ingest", articles);
            await WaitUntilWaitingAsync(first, ct);
            await WaitUntilWaitingAsync(second, ct);
        }
        using (first)
        using (second)
        {
            var outputs = await Task.WhenAll(first.StandardOutput.ReadToEndAsync(ct), second.StandardOutput.ReadToEndAsync(ct));
            var errors = await Task.WhenAll(first.StandardError.ReadToEndAsync(ct), second.StandardError.ReadToEndAsync(ct));
            await Task.WhenAll(first.WaitForExitAsync(ct), second.WaitForExitAsync(ct));

            Assert.True(first.ExitCode == 0, errors[0]);
            Assert.True(second.ExitCode == 0, errors[1]);
            // One added every article, the other found them all unchanged; neither lost or failed any.
            Assert.Equal(
                [$"added 0, unchanged {articleCount}, updated 0, failed 0, skipped 0",
                    $"added {articleCount}, unchanged 0, updated 0, failed 0, skipped 0"],
                outputs.Select(o => o.Trim().Split('\n')[^1]).Order(StringComparer.Ordinal));
        }

        using var database = KnowledgeDatabase.Open(DatabasePath);
        var store = new DocumentStore(database, TimeProvider.System);
        var documents = store.ListDocuments();
        Assert.Equal(articleCount, documents.Count);
        var passages = store.AllPassages().GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(documents, d => Assert.All(passages[d.Id], p => Assert.Equal(p.Text, d.Text[p.Start..p.End])));
    }
}
