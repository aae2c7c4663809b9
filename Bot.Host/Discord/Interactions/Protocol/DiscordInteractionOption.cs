namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>A command option; <c>value</c> is a string, number or boolean depending on <c>type</c>; <c>focused</c> marks the one being
/// typed (autocomplete).</summary>
internal sealed record DiscordInteractionOption(string Name, int Type, JsonElement? Value, IReadOnlyList<DiscordInteractionOption>? Options,
    bool? Focused = null);
