namespace Bot.Tests.Discord.Support;

/// <summary>Slash-command payloads built on the real INTERACTION_CREATE capture, with our command in <c>data</c>.</summary>
internal static class InteractionPayloads
{
    /// <summary>The real capture's interaction (guild member with every permission), as a gateway dispatch.</summary>
    public static JsonNode Dispatch(string command, string? option = null, string? value = null, int sequence = 7, string? id = null)
    {
        var dispatch = DiscordFixtures.Json("gateway_interaction_create_slash_command_real.json");
        dispatch["s"] = sequence;
        var data = new JsonObject { ["type"] = 1, ["name"] = command, ["id"] = "1233221536522174535" };
        if (option is not null) data["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = option, ["value"] = value });
        dispatch["d"]!["data"] = data;
        if (id is not null) dispatch["d"]!["id"] = id;
        return dispatch;
    }

    /// <summary>The same interaction as an HTTP body (the dispatch's <c>d</c>).</summary>
    public static JsonNode Body(string command, string? option = null, string? value = null, string? permissions = null)
    {
        var body = Dispatch(command, option, value)["d"]!.DeepClone();
        if (permissions is not null) body["member"]!["permissions"] = permissions;
        return body;
    }

    public static string Id(JsonNode dispatch) => (string)dispatch["d"]!["id"]!;
    public static string Token(JsonNode dispatch) => (string)dispatch["d"]!["token"]!;
    public static string ApplicationId(JsonNode dispatch) => (string)dispatch["d"]!["application_id"]!;
}
