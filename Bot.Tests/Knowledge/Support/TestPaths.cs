namespace Bot.Tests.Knowledge.Support;

/// <summary>Where the shared data lives (../shared next to the repository).</summary>
public static class TestPaths
{
    public static string Articles => RepositoryPaths.Shared("data", "articles");
    public static string DevSet => RepositoryPaths.Shared("eval", "dev.jsonl");
    public static string DevSet2 => RepositoryPaths.Shared("eval", "dev2.jsonl");
    public static string Article(string name) => Path.Combine(Articles, name);

    /// <summary>A fresh temporary directory, deleted with its contents on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "layoffbot-tests", Guid.NewGuid().ToString("N"));
        public TempDir() => Directory.CreateDirectory(Path);
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
    }
}

/// <summary>A database path of its own for each test host, so parallel hosts never share a LiteDB file.</summary>
public static class TestDatabase
{
    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "layoffbot-tests", "db-" + Guid.NewGuid().ToString("N"), "bot.db");
}
