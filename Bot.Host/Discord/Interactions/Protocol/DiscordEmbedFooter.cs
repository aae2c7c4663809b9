namespace Bot.Host.Discord.Interactions.Protocol;

internal sealed record DiscordEmbedFooter(string Text);
