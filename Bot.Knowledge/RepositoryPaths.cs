namespace Bot.Knowledge;

/// <summary>Finds the repository root (the folder holding LayoffBot.sln) so default paths such as "../shared/data" work from any working directory.</summary>
public static class RepositoryPaths
{
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LayoffBot.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>Absolute paths stay; relative ones resolve from the repository root (or the working directory outside a checkout).</summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(FindRoot() ?? Directory.GetCurrentDirectory(), path));

    /// <summary>The shared data folder next to the repository (<c>../shared</c>).</summary>
    public static string Shared(params string[] parts) => Path.Combine([Resolve("../shared"), .. parts]);
}
