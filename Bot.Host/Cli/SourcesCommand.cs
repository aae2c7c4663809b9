using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary><c>sources</c> lists the stored documents; <c>stats</c> counts them and sizes the database.</summary>
internal static class SourcesCommand
{
    public static Command CreateSources() => StoreCommand("sources", "List the documents in the knowledge base.", (store, output) =>
    {
        foreach (var d in store.ListDocuments().OrderBy(d => d.Companies.FirstOrDefault()).ThenBy(d => d.Published))
            output.WriteLine($"{d.Id}  {d.Published:yyyy-MM-dd}  {string.Join('/', d.Companies.Take(1)),-12} {d.Title} — " +
                $"{d.Publisher}{(d.Url is null ? "" : $" <{d.Url}>")}");
    });

    public static Command CreateStats() => StoreCommand("stats", "Counts and database size.", (store, output) =>
    {
        output.WriteLine($"database:  {store.Location}");
        output.WriteLine($"documents: {store.DocumentCount}");
        output.WriteLine($"passages:  {store.PassageCount}");
        output.WriteLine($"companies: {store.ListDocuments().SelectMany(d => d.Companies.Take(1)).Distinct().Count()}");
        if (store is DocumentStore { Database.FilePath: { } file } && File.Exists(file))
            output.WriteLine($"size:      {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB");
    });

    /// <summary>A command that reads the document store of <c>--db</c> and writes to the command's output.</summary>
    private static Command StoreCommand(string name, string description, Action<IDocumentStore, TextWriter> run)
    {
        var command = new Command(name, description);
        command.SetAction((parse, ct) =>
        {
            using var host = BotHostFactory.CreateCliHost(parse.GetValue(BotCommandLine.DbOption));
            run(host.Services.GetRequiredService<IDocumentStore>(), parse.InvocationConfiguration.Output);
            return Task.FromResult(0);
        });
        return command;
    }
}
