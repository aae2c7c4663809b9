namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>A command option: type 1 = SUB_COMMAND (with its own <paramref name="Options"/>), 3 = STRING.</summary>
/// <param name="Autocomplete">True: Discord asks the bot for choices while the user types (type 4 interactions).</param>
internal sealed record DiscordApplicationCommandOption(int Type, string Name, string Description, bool Required = false,
    int? MaxLength = null,
    IReadOnlyList<DiscordApplicationCommandOption>? Options = null, bool? Autocomplete = null);
