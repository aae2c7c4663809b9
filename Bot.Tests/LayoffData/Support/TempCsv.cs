namespace Bot.Tests.LayoffData.Support;

/// <summary>A CSV file in a fresh temp folder, deleted with it.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("layoffbot-events-").FullName;

    public string Write(string name, string content, bool bom = false)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(bom));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
