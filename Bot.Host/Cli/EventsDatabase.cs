using Bot.Knowledge;
using Bot.Knowledge.LayoffData;
using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>
/// Seeds the knowledge base for the data verbs (<c>layoffs</c>, <c>top</c>, <c>digest</c>) with the CSV
/// files among <c>Knowledge:SeedPaths</c> when it holds no layoff rows yet, so they work on a fresh clone.
/// </summary>
internal static class EventsDatabase
{
    /// <summary>Imports the seed CSV files through the same importers <c>ingest</c> uses, when the rows collection is empty.</summary>
    public static void EnsureSeeded(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<ILayoffRowStore>().Count() > 0) return;
        var files = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.SeedPaths
            .Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .ToList();
        if (files.Count == 0)
        {
            output.WriteLine("The database has no layoffs.fyi rows and no seed CSV file (Knowledge:SeedPaths) was found.");
            return;
        }
        output.WriteLine($"The database has no layoffs.fyi rows yet; importing {string.Join(", ", files)} ...");
        var importers = services.GetServices<IDataFileImporter>().ToList();
        foreach (var file in files)
        {
            var importer = importers.FirstOrDefault(i => i.CanImport(file, ""));
            var result = importer?.Import(file, cancellationToken);
            output.WriteLine(result is null ? $"skipped: {file} (not a layoffs.fyi or WARN file)" : $"{result.Outcome.ToString().ToLowerInvariant()}: {result.Title}{(result.Reason is null ? "" : $" ({result.Reason})")}");
        }
    }
}
