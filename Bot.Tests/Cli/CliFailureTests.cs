using System.CommandLine;
using Bot.Host.Cli;
using Bot.Knowledge.Storage;
using Bot.Tests.Knowledge.Support;

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
        var code = await BotCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
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
            new DocumentStore(database, TimeProvider.System).Save(new DocumentRecord { Id = "d1", Title = "t", SourceKey = "k", Text = "Some text." }, []);
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

    [Fact]
    public async Task A_database_path_that_cannot_be_opened_for_writing_prints_one_line()
    {
        // A folder where the file should be: the same UnauthorizedAccessException a read-only file gives (tests may run as root, which ignores file modes).
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
            new Dictionary<string, string> { ["Digest__Cron"] = "not a cron", ["Digest__Channel"] = "C1", ["Knowledge__SeedOnServe"] = "false" });
        var ct = HostProcess.Within(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("error: invalid settings: Digest:Cron 'not a cron' is not a valid cron expression", errors);
        AssertOneLine(errors + await output);
    }
}
