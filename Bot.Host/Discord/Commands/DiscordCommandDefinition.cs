using Bot.Host.Discord.Rest.Protocol;

namespace Bot.Host.Discord.Commands;

/// <summary>A slash command as registered with Discord, plus how we answer it.</summary>
/// <param name="MainOption">The option whose value becomes <c>ChatRequest.Text</c>.</param>
/// <param name="Ephemeral">Deferred privately: only the invoking user sees the answer.</param>
/// <param name="RequiresManageGuild">Admin-only: Discord hides it by default and we re-check on receipt.</param>
/// <param name="ManageGuildSubcommands">Subcommands that need Manage Server although the command itself does not ("/digest
/// subscribe").</param>
/// <param name="ChatName">The neutral command it runs, when not its own name (a context-menu entry runs "ask").</param>
internal sealed record DiscordCommandDefinition(DiscordApplicationCommand Command, string? MainOption, bool Ephemeral,
    bool RequiresManageGuild,
    IReadOnlyList<string>? ManageGuildSubcommands = null, string? ChatName = null)
{
    public const int MessageCommandType = 3;

    public string Name => Command.Name;
    public bool IsMessageCommand => Command.Type == MessageCommandType;

    /// <summary>Manage Server is needed for the command, or for the subcommand used (<c>null</c>: none).</summary>
    public bool RequiresManageGuildFor(string? subcommand) =>
        RequiresManageGuild || (subcommand is not null && ManageGuildSubcommands?.Contains(subcommand) == true);
}
