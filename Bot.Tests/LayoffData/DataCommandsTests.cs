using System.CommandLine;

namespace Bot.Tests.LayoffData;

/// <summary>The <c>layoffs</c> and <c>top</c> verbs, run through the real command line on a file database.</summary>
public sealed class DataCommandsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("layoffbot-cli-").FullName;

    [Fact]
    public async Task Layoffs_seeds_an_empty_database_then_lists_amazons_rounds_with_sources_and_writes_a_chart()
    {
        var chart = Path.Combine(folder, "amazon.png");

        var (code, output) = await RunAsync("layoffs", "Amazon", "--since", "2022-06", "--chart", chart);

        Assert.Equal(0, code);
        Assert.Contains("importing", output);
        Assert.Contains("Amazon, 2022-11-16 to 2023-01-04: layoffs.fyi rows add up to 18,000", output);
        Assert.Contains("layoffs.fyi 2023-01-04: 8,000, 2% (Seattle) [layoffs_fyi.csv line 2600]", output);
        Assert.DoesNotContain("2020-", output);
        Assert.True(new FileInfo(chart).Length is > 5_000 and < 500_000);
    }

    [Fact]
    public async Task Top_lists_the_companies_that_cut_most_in_2023_with_counts_and_does_not_re_import()
    {
        await RunAsync("top", "--year", "2022", "--limit", "1");
        var chart = Path.Combine(folder, "top.png");

        var (code, output) = await RunAsync("top", "--year", "2023", "--limit", "3", "--chart", chart);

        Assert.Equal(0, code);
        Assert.DoesNotContain("importing", output);
        var lines = output.Split('\n').Where(l => l.TrimStart().StartsWith("1.") || l.TrimStart().StartsWith("2.")
            || l.TrimStart().StartsWith("3.")).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("Amazon", lines[0]);
        Assert.Contains("17,260", lines[0]);
        Assert.Contains("Google", lines[1]);
        Assert.True(File.Exists(chart));
    }

    [Fact]
    public async Task A_malformed_date_is_refused_with_a_message()
    {
        var (code, output) = await RunAsync("layoffs", "Meta", "--since", "last year");

        Assert.Equal(2, code);
        Assert.Contains("--since/--until take a date", output);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var output = new StringWriter();
        var parse = BotCommandLine.Build().Parse(["--db", Path.Combine(folder, "kb.db"), .. args]);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, timeout.Token);
        return (code, output.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
