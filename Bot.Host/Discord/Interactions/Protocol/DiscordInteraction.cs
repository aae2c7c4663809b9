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
    string? Locale = null)
{
    /// <summary>The invoking user: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;
}
