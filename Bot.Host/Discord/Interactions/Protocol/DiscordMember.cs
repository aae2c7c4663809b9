namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>A guild member; <c>permissions</c> is the member's computed permission bitfield as a decimal string.</summary>
internal sealed record DiscordMember(DiscordUser? User, string? Permissions);
