using System.Text.Json.Nodes;

namespace Bot.Tests.Discord.Support;

/// <summary>Reads the shared Discord payloads in <c>&lt;repo&gt;/../shared/fixtures/discord</c>.</summary>
internal static class DiscordFixtures
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LayoffBot.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("LayoffBot.sln not found above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "discord"));
    });

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder.Value, name));

    public static JsonNode Json(string name) => JsonNode.Parse(Text(name))!;

    /// <summary>Compact JSON of a (possibly edited) fixture, as it would travel on the wire.</summary>
    public static string Compact(JsonNode node) => node.ToJsonString();
}
