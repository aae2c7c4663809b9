namespace Bot.Host.Discord.Interactions.Protocol;

internal sealed record DiscordEmbedField(string Name, string Value, bool Inline = false);
