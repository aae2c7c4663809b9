namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>Command data (<c>name</c>, <c>options</c>) or component data (<c>custom_id</c>, <c>component_type</c>).</summary>
internal sealed record DiscordInteractionData(
    string? Id,
    string? Name,
    int? Type,
    IReadOnlyList<DiscordInteractionOption>? Options,
    string? CustomId = null,
    int? ComponentType = null);
