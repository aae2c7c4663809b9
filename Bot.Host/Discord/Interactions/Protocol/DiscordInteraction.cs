namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>An incoming interaction (HTTP body or INTERACTION_CREATE data): the fields we use.</summary>
internal sealed record DiscordInteraction(
    string Id,
    string ApplicationId,
    DiscordInteractionType Type,
    string Token,
    DiscordInteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    DiscordMember? Member = null,
    DiscordUser? User = null,
    string? Locale = null,
    int? Context = null,
    IReadOnlyDictionary<string, string>? AuthorizingIntegrationOwners = null)
{
    /// <summary>The invoking user: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;

    /// <summary>
    /// True when only a user install authorised this interaction: the command runs where the bot is not
    /// installed (a server without the bot, a group DM), so its answer should be seen by the invoker only.
    /// Key "0" (server install) is present in servers that installed the bot and in the bot's own DM.
    /// </summary>
    public bool OutsideInstalledServer => AuthorizingIntegrationOwners is { } owners && !owners.ContainsKey("0");
}
