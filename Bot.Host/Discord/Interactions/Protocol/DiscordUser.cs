namespace Bot.Host.Discord.Interactions.Protocol;

internal sealed record DiscordUser(string Id, string? Username);
