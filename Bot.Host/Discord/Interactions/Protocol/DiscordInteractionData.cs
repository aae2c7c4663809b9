namespace Bot.Host.Discord.Interactions.Protocol;

internal sealed record DiscordInteractionData(string? Id, string? Name, int? Type, IReadOnlyList<DiscordInteractionOption>? Options);
