namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>A command option; type 3 = STRING. <paramref name="Autocomplete"/>: Discord asks us for choices as the user types.</summary>
internal sealed record DiscordApplicationCommandOption(int Type, string Name, string Description, bool Required = false, int? MaxLength = null, bool? Autocomplete = null);
