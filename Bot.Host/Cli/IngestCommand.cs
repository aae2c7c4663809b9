using System.CommandLine;
using Spectre.Console;

namespace Bot.Host.Cli;

/// <summary><c>ingest PATH|URL...</c>: files, directories (recursive), pages and feeds; a summary at the end.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources")
            { Description = "Files, directories, page URLs or RSS/Atom feed URLs.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Add articles and data to the knowledge base.") { sources };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(BotCommandLine.DbOption), parse.GetValue(sources)!, Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? db, string[] sources, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = BotHostFactory.CreateCliHost(db);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        IngestReport report;
        if (!Console.IsOutputRedirected && output == Console.Out)
        {
            report = await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("ingesting", maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                var progress = new Progress<IngestItemResult>(r
                    => task.Description = $"{Label(r.Outcome)}: " +
                    $"{Markup.Escape(Short(r.Title ?? r.Source))}{(r.Outcome == IngestOutcome.InProgress ? $" ({r.Reason})" : "")}");
                var result = await pipeline.IngestAsync(sources.Select(RepositoryPaths.UserPath), progress, cancellationToken);
                task.StopTask();
                return result;
            });
            foreach (var item in report.Items.Where(i => i.Outcome is IngestOutcome.Failed or IngestOutcome.Skipped))
                await output.WriteLineAsync($"{item.Outcome.ToString().ToLowerInvariant()}: {item.Source}: {item.Reason}");
        }
        else
        {
            var lines = new SynchronousProgress<IngestItemResult>(r
                => output.WriteLine($"{Label(r.Outcome)}: {r.Title ?? r.Source}{(r.Reason is null ? "" : $" ({r.Reason})")}"));
            report = await pipeline.IngestAsync(sources.Select(RepositoryPaths.UserPath), lines, cancellationToken);
        }
        await output.WriteLineAsync($"added {report.Count(IngestOutcome.Added)}, unchanged {report.Count(IngestOutcome.Unchanged)}, " +
            $"updated {report.Count(IngestOutcome.Updated)}, failed {report.Count(IngestOutcome.Failed)}, skipped " +
            $"{report.Count(IngestOutcome.Skipped)}");
        return report.AllFailed ? 1 : 0;
    }

    private static string Label(IngestOutcome outcome) => outcome == IngestOutcome.InProgress ? "working"
        : outcome.ToString().ToLowerInvariant();

    private static string Short(string s) => s.Length <= 70 ? s : s[..67] + "...";
}
