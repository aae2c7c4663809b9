namespace Bot.Tests.Storage;

/// <summary>The real CLI (separate processes) over PostgreSQL answers as it does over LiteDB.</summary>
[MostlyWaits]
public sealed class PostgresCliTests
{
    private static readonly string[] Articles = ["dell-2023-02-clarke-6650-crn.md", "amazon-2023-01-jassy-18000-variety.md"];
    private static readonly string[] Questions =
        ["How many jobs did Dell cut in February 2023?", "How many roles did Amazon cut in January 2023 and why?"];

    [Fact]
    public async Task Ingest_and_ask_answer_the_same_on_postgres_as_on_litedb()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        using var dir = new TestPaths.TempDir();
        var postgres = new Dictionary<string, string>
        {
            ["Knowledge__Store"] = "postgres", ["Knowledge__ConnectionString"] = pg.ConnectionString,
        };
        var lite = new Dictionary<string, string>();
        var articles = Articles.Select(TestPaths.Article).ToArray();

        var onPostgres = await IngestAndAskAsync(["--db", dir.File("unused.db")], postgres, articles);
        var onLiteDb = await IngestAndAskAsync(["--db", dir.File("kb.db")], lite, articles);

        Assert.Equal(onLiteDb, onPostgres);
        Assert.Equal(Questions.Length, onPostgres.Count);
        Assert.All(onPostgres, answer => Assert.Contains("|", answer)); // each answer quotes an ingested article
        Assert.False(File.Exists(dir.File("unused.db")), "the LiteDB file was opened although the store is PostgreSQL");
    }

    [Fact]
    public async Task An_unreachable_server_stops_a_command_with_one_line()
    {
        using var dir = new TestPaths.TempDir();
        var unreachable = new Dictionary<string, string>
        {
            ["Knowledge__Store"] = "postgres",
            ["Knowledge__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-value;Timeout=3",
        };
        var (code, output, errors) = await RunAsync(["--db", dir.File("unused.db"), "ask", "How many jobs did Dell cut?"], unreachable, "");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: cannot reach the PostgreSQL knowledge base", errors);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("secret-value", errors);
    }

    /// <summary>Each answer as its text and its citations (quote, document, offsets): what must not depend on the store.</summary>
    private static async Task<List<string>> IngestAndAskAsync(string[] global, Dictionary<string, string> environment, string[] articles)
    {
        var ingest = await RunAsync([.. global, "ingest", .. articles], environment, "");
        Assert.True(ingest.Code == 0, ingest.Errors);
        Assert.Contains($"added {articles.Length},", ingest.Output);
        var ask = await RunAsync([.. global, "ask", "-", "--json"], environment, string.Join('\n', Questions) + "\n");
        Assert.True(ask.Code == 0, ask.Errors);
        return ask.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var citations = root.GetProperty("citations").EnumerateArray().Select(c =>
                $"{c.GetProperty("quote").GetString()}|{c.GetProperty("documentId").GetString()}|{c.GetProperty("start").GetInt32()}");
            return root.GetProperty("answer").GetString() + "\n" + string.Join("\n", citations);
        }).ToList();
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(
        string[] args, Dictionary<string, string> environment, string input)
    {
        using var process = HostProcess.Start(args, environment, redirectInput: true);
        var limit = HostProcess.Within(TimeSpan.FromMinutes(3));
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(limit);
        var errors = process.StandardError.ReadToEndAsync(limit);
        await process.WaitForExitAsync(limit);
        return (process.ExitCode, await output, await errors);
    }
}
