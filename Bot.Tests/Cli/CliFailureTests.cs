using System.CommandLine;

namespace Bot.Tests.Cli;

/// <summary>Bad input and unusable files end with one line saying what to do, never a stack trace or a crash.</summary>
public sealed class CliFailureTests : IDisposable
{
    private readonly TestPaths.TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await BotCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = errors },
            TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }

    private static void AssertOneLine(string errors)
    {
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public async Task An_empty_question_prints_usage_and_exits_2()
    {
        var (code, output, errors) = await RunAsync("--db", _dir.File("kb.db"), "ask", "  ");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("usage: ask \"question\"", errors);
        Assert.False(File.Exists(_dir.File("kb.db")), "a usage error opened the database");
    }

    [Theory]
    [InlineData(2_001)]
    [InlineData(40_000)] // 32.7k characters used to abort the process inside the ONNX runtime
    public async Task A_question_over_2000_characters_is_refused_with_a_message(int length)
    {
        var (code, output, errors) = await RunAsync("--db", _dir.File("kb.db"), "ask", new string('x', length));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"{length:N0} characters long; please ask in at most 2,000 characters", errors);
        AssertOneLine(errors);
    }

    [Fact]
    public void An_argument_starting_with_at_is_text_not_a_response_file()
    {
        var parse = BotCommandLine.Build().Parse(["ask", "@everyone how many jobs did Amazon cut?"], BotCommandLine.ParserSettings);

        Assert.Empty(parse.Errors);
        Assert.Equal("@everyone how many jobs did Amazon cut?", parse.GetValue<string>("question"));
    }

    [Fact]
    public async Task A_damaged_database_prints_one_line_naming_the_file_and_what_to_do()
    {
        var path = _dir.File("damaged.db");
        using (var database = KnowledgeDatabase.Open(path))
            new DocumentStore(database, TimeProvider.System).Save(new DocumentRecord
                { Id = "d1", Title = "t", SourceKey = "k", Text = "Some text." }, []);
        // Overwrite the pages after the header with garbage, as a torn copy or a bad disk would.
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 8192 * 2;
            file.Write(Enumerable.Repeat((byte)0xFF, 8192 * 3).ToArray());
        }

        var (code, _, errors) = await RunAsync("--db", path, "stats");

        Assert.Equal(1, code);
        Assert.Contains(path, errors);
        Assert.Contains("move it aside", errors);
        AssertOneLine(errors);
    }

    private static void SaveDocument(KnowledgeDatabase database, string id, string text) =>
        new DocumentStore(database, TimeProvider.System).Save(
            new DocumentRecord { Id = id, Title = "t", SourceKey = id, Text = text, ContentHash = DocumentRecord.HashOf(text) },
            [new PassageRecord { Id = id + ":0", DocumentId = id, Start = 0, End = 8, Text = text[..8] }]);

    [Fact]
    public async Task Check_reports_no_damage_on_a_sound_database()
    {
        var path = _dir.File("sound.db");
        using (var database = KnowledgeDatabase.Open(path)) SaveDocument(database, "d1", "Acme cut 300 jobs.");

        var (code, output, errors) = await RunAsync("--db", path, "check");

        Assert.True(code == 0, output + errors);
        Assert.Equal($"checked 1 documents and 1 passages in {path}: no damage", output.Trim());
    }

    [Fact]
    public async Task Check_names_each_document_and_passage_whose_text_no_longer_matches()
    {
        var path = _dir.File("altered.db");
        using (var database = KnowledgeDatabase.Open(path))
        {
            SaveDocument(database, "d1", "Acme cut 300 jobs.");
            SaveDocument(database, "d2", "Globex cut 50 jobs.");
            var altered = database.Documents.FindById("d1");
            altered.Text = "Acne cut 900 jobs."; // changed behind the store's back, as a torn write or a hand edit would
            database.Documents.Update(altered);
        }

        var (code, output, _) = await RunAsync("--db", path, "check");

        Assert.Equal(1, code);
        Assert.Equal(
            [
                "damaged: document d1 (t): its text does not match its stored hash",
                "damaged: passage d1:0: its text differs from the document's text at its offsets",
                $"checked 2 documents and 2 passages in {path}: 2 problems; re-ingest the sources named above (or restore a copy of the " +
                    $"file)",
            ],
            output.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_opened_for_writing_prints_one_line()
    {
        // A folder where the file should be: the same UnauthorizedAccessException a read-only file gives (tests may run as root, which
        // ignores file modes).
        var path = _dir.File("folder.db");
        Directory.CreateDirectory(path);

        var (code, _, errors) = await RunAsync("--db", path, "sources");

        Assert.Equal(1, code);
        Assert.Contains($"cannot open the knowledge base {path} for reading and writing", errors);
        AssertOneLine(errors);
    }

    [Fact]
    public async Task Invalid_settings_on_serve_print_once_without_a_stack_trace()
    {
        using var process = HostProcess.Start(["--db", _dir.File("kb.db"), "serve", "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Digest__Cron"] = "not a cron", ["Digest__Channel"] = "C1",
                ["Knowledge__SeedOnServe"] = "false" });
        var ct = HostProcess.Within(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("error: invalid settings: Digest:Cron 'not a cron' is not a valid cron expression", errors);
        AssertOneLine(errors + await output);
    }
}
