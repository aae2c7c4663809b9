using System.CommandLine;
using Bot.Knowledge.Charts;

namespace Bot.Host.Cli;

/// <summary><c>top [--year Y] [--limit N] [--chart out.png]</c>: the companies that cut the most roles in a year.</summary>
internal static class TopCommand
{
    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "Calendar year (default: the current year)." };
        var limit = new Option<int>("--limit") { Description = "How many companies (default 10).", DefaultValueFactory = _ => 10 };
        var chart = new Option<string?>("--chart") { Description = "Also write a PNG bar chart to this path." };
        var command = new Command("top", "List the companies that cut the most roles in a year, from layoffs.fyi rows.")
            { year, limit, chart };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(year), parse.GetValue(limit), parse.GetValue(chart), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, int? year, int limit, string? chartPath, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        if (limit < 1)
        {
            parse.InvocationConfiguration.Error.WriteLine("--limit must be at least 1.");
            return 2;
        }
        var y = year ?? TimeProvider.System.GetUtcNow().Year;
        using var host = BotHostFactory.CreateCliHost(parse.GetValue(BotCommandLine.DbOption));
        await host.Services.GetRequiredService<KnowledgeSeeder>().SeedLayoffDataAsync(output.WriteLine, cancellationToken);

        var top = host.Services.GetRequiredService<LayoffDataQueries>().TopCompanies(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), limit);
        if (top.Count == 0)
        {
            output.WriteLine($"No layoffs.fyi rows with a head count in {y}.");
            return 1;
        }
        output.WriteLine($"Companies that cut the most roles in {y} (sum of layoffs.fyi rows; rows without a head count add nothing):");
        for (var i = 0; i < top.Count; i++) output.WriteLine(LayoffDataTextFormatter.Total(i + 1, top[i]));

        if (chartPath is not null)
        {
            var png = new LayoffChartRenderer().TopCompanies(y.ToString(System.Globalization.CultureInfo.InvariantCulture), top);
            File.WriteAllBytes(chartPath, png);
            output.WriteLine($"Chart written to {chartPath} ({png.Length / 1024} KB).");
        }
        return 0;
    }
}
