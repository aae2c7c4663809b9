namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>
/// Command data (<c>name</c>, <c>options</c>; a message command adds <c>target_id</c> and <c>resolved</c>) or
/// component data (<c>custom_id</c>, <c>component_type</c>).
/// </summary>
internal sealed record DiscordInteractionData(
    string? Id,
    string? Name,
    int? Type,
    IReadOnlyList<DiscordInteractionOption>? Options,
    string? CustomId = null,
    int? ComponentType = null,
    string? TargetId = null,
    DiscordResolvedData? Resolved = null);

/// <summary>Objects a command refers to by id; for a message command, the message it was used on.</summary>
internal sealed record DiscordResolvedData(IReadOnlyDictionary<string, DiscordResolvedMessage>? Messages);

internal sealed record DiscordResolvedMessage(string Id, string? Content);
