using Bot.Host.Discord.Rest.Protocol;

namespace Bot.Host.Discord.Commands;

/// <summary>A slash command as registered with Discord, plus how we answer it.</summary>
/// <param name="MainOption">The option whose value becomes <c>ChatRequest.Text</c>.</param>
/// <param name="Ephemeral">Deferred privately: only the invoking user sees the answer.</param>
/// <param name="RequiresManageGuild">Admin-only: Discord hides it by default and we re-check on receipt.</param>
/// <param name="ManageGuildSubcommands">Subcommands that need Manage Server although the command itself does not ("/digest subscribe").</param>
internal sealed record DiscordCommandDefinition(DiscordApplicationCommand Command, string? MainOption, bool Ephemeral, bool RequiresManageGuild,
    IReadOnlyList<string>? ManageGuildSubcommands = null)
{
    public string Name => Command.Name;
}
