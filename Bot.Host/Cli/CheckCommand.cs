using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary><c>check</c>: verifies every document against its stored hash and every passage's offsets; exit code 1 when damage is
/// found.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Verify every document against its stored hash and every passage's offsets.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = BotHostFactory.CreateCliHost(parse.GetValue(BotCommandLine.DbOption));
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var output = parse.InvocationConfiguration.Output;
            var report = IntegrityCheck.Run(store);
            foreach (var problem in report.Problems) await output.WriteLineAsync($"damaged: {problem.Where}: {problem.What}");
            await output.WriteLineAsync(report.Problems.Count == 0
                ? $"checked {report.Documents} documents and {report.Passages} passages in {store.Location}: no damage"
                : $"checked {report.Documents} documents and {report.Passages} passages in {store.Location}: "
                  + $"{report.Problems.Count} problems; "
                  + "re-ingest the sources named above (or restore a copy of the file)");
            return report.Problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
