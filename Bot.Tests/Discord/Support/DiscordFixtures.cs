namespace Bot.Tests.Discord.Support;

/// <summary>Reads the shared Discord payloads in <c>&lt;repo&gt;/../shared/fixtures/discord</c>.</summary>
internal static class DiscordFixtures
{
    private static readonly string Folder = Bot.Host.Hosting.RepositoryPaths.Shared("fixtures", "discord");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static JsonNode Json(string name) => JsonNode.Parse(Text(name))!;

    /// <summary>A fixture this repository added (<c>Bot.Tests/Fixtures/discord</c>, see its README).</summary>
    public static JsonNode Local(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord", name)))!;

    /// <summary>Compact JSON of a (possibly edited) fixture, as it would travel on the wire.</summary>
    public static string Compact(JsonNode node) => node.ToJsonString();
}
