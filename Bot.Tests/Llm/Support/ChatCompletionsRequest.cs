using System.Text.RegularExpressions;

namespace Bot.Tests.Llm.Support;

/// <summary>One POST the loopback model received: route, auth headers and the JSON body, with readers for what tests check.</summary>
public sealed partial record ChatCompletionsRequest(string Path, string Query, string? Authorization, string? ApiKeyHeader, JsonObject Body)
{
    public JsonArray Messages => Body["messages"]!.AsArray();

    public IEnumerable<JsonObject> MessagesWithRole(string role) => Messages.OfType<JsonObject>().Where(m => (string?)m["role"] == role);

    /// <summary>Message text, whether sent as a string or as an array of text parts.</summary>
    public static string TextOf(JsonObject message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => (string?)p["text"] ?? "")),
        _ => "",
    };

    public string SystemText => string.Join("\n", MessagesWithRole("system").Select(TextOf));

    public string LastUserText => TextOf(MessagesWithRole("user").Last());

    public IReadOnlyList<string> ToolNames =>
        Body["tools"] is JsonArray tools ? tools.OfType<JsonObject>().Select(t => (string)t["function"]!["name"]!).ToList() : [];

    /// <summary>The number of the passage (in any message, tool results included) whose text contains <paramref name="snippet"/>.</summary>
    public int PassageNumber(string snippet)
    {
        foreach (var message in Messages.OfType<JsonObject>())
            foreach (Match m in PassageBlock().Matches(TextOf(message)))
                if (m.Groups["text"].Value.Contains(snippet, StringComparison.Ordinal)) return int.Parse(m.Groups["n"].Value);
        throw new InvalidOperationException($"No passage sent to the model contains '{snippet}'.");
    }

    public IReadOnlyList<int> PassageNumbers(JsonObject message) =>
        PassageBlock().Matches(TextOf(message)).Select(m => int.Parse(m.Groups["n"].Value)).ToList();

    [GeneratedRegex(@"<passage n=""(?<n>\d+)""[^>]*>\n(?<text>.*?)\n</passage>", RegexOptions.Singleline)]
    private static partial Regex PassageBlock();
}
