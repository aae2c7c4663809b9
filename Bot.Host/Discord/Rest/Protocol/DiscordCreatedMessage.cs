namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>The part of a created message object we read back: its id.</summary>
internal sealed record DiscordCreatedMessage(string Id);
