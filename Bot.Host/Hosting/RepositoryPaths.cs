namespace Bot.Host.Hosting;

/// <summary>Finds the repository root (the folder holding LayoffBot.sln) so default paths such as "../shared/data" work from any working
/// directory.</summary>
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

    /// <summary>Absolute paths stay; relative ones resolve from the repository root (or the working directory outside a
    /// checkout).</summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(FindRoot() ?? Directory.GetCurrentDirectory(), path));

    /// <summary>The shared data folder next to the repository (<c>../shared</c>).</summary>
    public static string Shared(params string[] parts) => Path.Combine([Resolve("../shared"), .. parts]);

    /// <summary>
    /// A path typed by a user: as given when it exists, else relative to the repository root
    /// (<c>dotnet run --project Bot.Host</c> runs in the project folder, not where the user typed).
    /// </summary>
    public static string UserPath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return path;
        var fromRoot = FindRoot() is { } root ? Path.GetFullPath(Path.Combine(root, path)) : null;
        return fromRoot is not null && (File.Exists(fromRoot) || Directory.Exists(fromRoot)) ? fromRoot : path;
    }
}
