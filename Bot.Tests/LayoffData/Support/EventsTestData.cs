using LiteDB;

namespace Bot.Tests.LayoffData.Support;

/// <summary>Paths of the shared real data files and scratch CSV files for the events tests.</summary>
internal static class EventsTestData
{
    public static string DataDirectory => Bot.Host.Hosting.RepositoryPaths.Shared("data");
    public static string LayoffsFyi => Path.Combine(DataDirectory, "layoffs_fyi.csv");
    public static string LayoffsFyiRecent => Path.Combine(DataDirectory, "layoffs_fyi_2025_2026_recent.csv");
    public static string WarnDirectory => Path.Combine(DataDirectory, "warn_notices");
    public static string Warn(string state) => Path.Combine(WarnDirectory, state + ".csv");
    public static string Article(string file) => Path.Combine(DataDirectory, "articles", file);

    public static LiteDatabase NewDatabase() => new(new MemoryStream());

    /// <summary>A fresh in-memory database holding the shared layoffs.fyi table, through the real importer.</summary>
    public static LiteDatabase WithLayoffsFyi()
    {
        var db = NewDatabase();
        new LayoffsFyiImporter(db).Import(LayoffsFyi, TestContext.Current.CancellationToken);
        return db;
    }
}
