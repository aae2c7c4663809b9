using Bot.Host.Hosting;
using Bot.Knowledge.Events;
using LiteDB;

namespace Bot.Host.Cli;

/// <summary>
/// Seeds the knowledge base for the data verbs (<c>layoffs</c>, <c>top</c>) with the two layoffs.fyi
/// files when it holds no rows yet, so they work on a fresh clone.
/// </summary>
internal static class EventsDatabase
{
    public static readonly string[] SeedFiles = ["layoffs_fyi.csv", "layoffs_fyi_2025_2026_recent.csv"];

    /// <summary>Imports the layoffs.fyi files from <c>&lt;repo&gt;/../shared/data</c> when the rows collection is empty.</summary>
    public static void EnsureSeeded(ILiteDatabase database, TextWriter output, CancellationToken cancellationToken)
    {
        if (EventCollections.RowsOf(database).Count() > 0) return;
        var dataDirectory = Knowledge.RepositoryPaths.Shared("data");
        if (!Directory.Exists(dataDirectory))
        {
            output.WriteLine("The database has no layoffs.fyi rows and no ../shared/data folder was found next to the repository.");
            return;
        }
        var files = SeedFiles.Select(f => Path.Combine(dataDirectory, f)).Where(File.Exists).ToList();
        output.WriteLine($"The database has no layoffs.fyi rows yet; importing {string.Join(", ", files)} ...");
        var report = new LayoffsFyiImporter(database).Import(files, cancellationToken);
        output.WriteLine(report.ToString());
    }
}
