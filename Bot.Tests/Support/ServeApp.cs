namespace Bot.Tests.Support;

/// <summary><c>serve</c>'s application as the CLI builds it, on a fresh database and a port the OS picks, unstarted.</summary>
internal static class ServeApp
{
    /// <summary>Seeding is off (an empty knowledge base starts at once) unless <paramref name="settings"/> turn it on.</summary>
    public static WebApplication Build(params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Knowledge:SeedOnServe"] = "false" };
        foreach (var (key, value) in settings) all[key] = value;
        return ServeCommand.BuildApp(TestDatabase.NewPath(), "http://127.0.0.1:0", all);
    }
}
