using System.Text.Json.Nodes;

namespace Bot.Tests.Slack.Support;

/// <summary>Reads the shared Slack fixtures (<c>&lt;repo&gt;/../shared/fixtures/slack</c>).</summary>
internal static class SlackFixtures
{
    public static string Directory { get; } = Locate();

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LayoffBot.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "slack"));
        }
        throw new InvalidOperationException("LayoffBot.sln not found above " + AppContext.BaseDirectory);
    }
}
