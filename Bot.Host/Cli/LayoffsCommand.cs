using System.CommandLine;
using Bot.Knowledge.Charts;
using Bot.Knowledge.Companies;

namespace Bot.Host.Cli;

/// <summary><c>layoffs COMPANY [--since DATE] [--until DATE] [--chart out.png]</c>: a company's layoff rounds with every source's
/// figure.</summary>
internal static class LayoffsCommand
{
    public static Command Create()
    {
        var company = new Argument<string>("company") { Description = "Company name, e.g. Amazon, \"Meta Platforms\", Alphabet." };
        var since = new Option<string?>("--since") { Description = "Only rounds from this date on (2022, 2022-11 or 2022-11-16)." };
        var until = new Option<string?>("--until") { Description = "Only rounds up to this date." };
        var chart = new Option<string?>("--chart") { Description = "Also write a PNG chart of roles cut per month to this path." };
        var command = new Command("layoffs", "List a company's layoff rounds with the figure each source reports.")
            { company, since, until, chart };
        command.SetAction((parse, ct) =>
            RunAsync(parse, parse.GetValue(company)!, parse.GetValue(since), parse.GetValue(until), parse.GetValue(chart), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, string company, string? sinceText, string? untilText, string? chartPath, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        DateOnly since = default, until = default;
        if (sinceText is not null && !CliDates.TryParseStart(sinceText, out since) || untilText is not null
            && !CliDates.TryParseStart(untilText, out until))
        {
            parse.InvocationConfiguration.Error.WriteLine("--since/--until take a date like 2022, 2022-11 or 2022-11-16.");
            return 2;
        }
        DateOnly? from = sinceText is null ? null : since;
        DateOnly? to = untilText is null ? null : until;
        using var host = BotHostFactory.CreateCliHost(parse.GetValue(BotCommandLine.DbOption));
        await host.Services.GetRequiredService<KnowledgeSeeder>().SeedLayoffDataAsync(output.WriteLine, cancellationToken);
        var queries = host.Services.GetRequiredService<LayoffDataQueries>();

        var events = queries.Timeline(company, from, to);
        var canonical = EmployerNameNormalizer.Canonical(company);
        var range = (from, to) switch
        {
            (null, null) => "",
            (_, null) => $" since {from:yyyy-MM-dd}",
            (null, _) => $" until {to:yyyy-MM-dd}",
            _ => $" from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
        };
        if (events.Count == 0)
        {
            output.WriteLine($"No layoff rounds of {canonical} in the knowledge base{range}.");
            return 1;
        }
        output.WriteLine($"{canonical}: {events.Count} layoff rounds{range}. Each source's figure is shown as reported, never averaged.");
        output.WriteLine();
        foreach (var layoffEvent in events) output.WriteLine(LayoffDataTextFormatter.Round(layoffEvent));

        var warn = queries.WarnByState(company);
        if (warn.Count > 0)
            output.WriteLine("WARN notices: " + string.Join(", ", warn.Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"{s.State} {s.Notices} notices ({s.EmployeesAffected:N0} employees)"))));

        if (chartPath is not null)
        {
            var png = new LayoffChartRenderer().CompanyTimeline(canonical, queries.MonthlyTotals(company, from, to));
            File.WriteAllBytes(chartPath, png);
            output.WriteLine($"Chart written to {chartPath} ({png.Length / 1024} KB).");
        }
        return 0;
    }
}
