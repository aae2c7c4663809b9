using LiteDB;

namespace Bot.Tests.Events.Support;

/// <summary>Paths of the shared real data files and scratch CSV files for the events tests.</summary>
internal static class EventsTestData
{
    private static readonly Lazy<string> SharedData = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LayoffBot.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("LayoffBot.sln not found above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
    });

    public static string DataDirectory => SharedData.Value;
    public static string LayoffsFyi => Path.Combine(DataDirectory, "layoffs_fyi.csv");
    public static string LayoffsFyiRecent => Path.Combine(DataDirectory, "layoffs_fyi_2025_2026_recent.csv");
    public static string WarnDirectory => Path.Combine(DataDirectory, "warn_notices");
    public static string Warn(string state) => Path.Combine(WarnDirectory, state + ".csv");
    public static string Article(string file) => Path.Combine(DataDirectory, "articles", file);

    public static LiteDatabase NewDatabase() => new(new MemoryStream());
}
