namespace Bot.Tests.Slack.Support;

/// <summary>Reads the shared Slack fixtures (<c>&lt;repo&gt;/../shared/fixtures/slack</c>).</summary>
internal static class SlackFixtures
{
    public static string Directory { get; } = Bot.Host.Hosting.RepositoryPaths.Shared("fixtures", "slack");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>A fixture this repository added (<c>Bot.Tests/Fixtures/slack</c>, see its README).</summary>
    public static JsonObject Local(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "slack", name)))!.AsObject();
}
