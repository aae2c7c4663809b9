namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>A command option; type 3 = STRING.</summary>
internal sealed record DiscordApplicationCommandOption(int Type, string Name, string Description, bool Required = false, int? MaxLength = null);
