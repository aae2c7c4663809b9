namespace Bot.Host.Discord.Rest;

/// <summary>
/// One REST call: method, the route template (the rate-limit key, and what we log: paths can hold
/// interaction tokens), the concrete path, and the top-level resource Discord limits separately.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool RequiresAuth)
{
    public string Key => $"{Method.Method} {Template}";

    public static DiscordRoute GatewayBot() =>
        new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "", RequiresAuth: true);

    public static DiscordRoute CurrentApplication() =>
        new(HttpMethod.Get, "/oauth2/applications/@me", "/oauth2/applications/@me", "", RequiresAuth: true);

    public static DiscordRoute BulkOverwriteGlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "/applications/{application.id}/commands", $"/applications/{Escape(applicationId)}/commands", applicationId,
            RequiresAuth: true);

    public static DiscordRoute BulkOverwriteGuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "/applications/{application.id}/guilds/{guild.id}/commands",
            $"/applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands", guildId, RequiresAuth: true);

    /// <summary>A bot message in a channel (the digest); limited per channel.</summary>
    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel.id}/messages", $"/channels/{Escape(channelId)}/messages", channelId, RequiresAuth: true);

    // Interaction and webhook routes authenticate with the token in the URL; the bot token is not sent.
    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction.id}/{interaction.token}/callback",
            $"/interactions/{Escape(interactionId)}/{Escape(token)}/callback", interactionId, RequiresAuth: false);

    public static DiscordRoute EditOriginalResponse(string applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            $"/webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original", applicationId + "/" + token, RequiresAuth: false);

    public static DiscordRoute DeleteOriginalResponse(string applicationId, string token) =>
        new(HttpMethod.Delete, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            $"/webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original", applicationId + "/" + token, RequiresAuth: false);

    public static DiscordRoute CreateFollowupMessage(string applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application.id}/{interaction.token}",
            $"/webhooks/{Escape(applicationId)}/{Escape(token)}", applicationId + "/" + token, RequiresAuth: false);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
