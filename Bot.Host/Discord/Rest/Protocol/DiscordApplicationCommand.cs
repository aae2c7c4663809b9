namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>A CHAT_INPUT command definition for bulk overwrite.</summary>
/// <param name="DefaultMemberPermissions">Permission bitfield as a string ("32" = Manage Server); null = everyone.</param>
/// <param name="Contexts">Where the command appears: 0 guild, 1 bot DM, 2 private channel (group DMs, other DMs); null = default.</param>
/// <param name="IntegrationTypes">How it may be installed: 0 to a server, 1 to a user's account; null = default.</param>
/// <param name="Type">1 CHAT_INPUT (slash), 3 MESSAGE (context menu; no description).</param>
internal sealed record DiscordApplicationCommand(
    string Name,
    string Description,
    IReadOnlyList<DiscordApplicationCommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null,
    int Type = 1,
    IReadOnlyList<int>? IntegrationTypes = null);
