namespace Bot.Host.Chat;

/// <summary>
/// A slash command (or its equivalent) as it arrives from any platform: the command name without
/// the slash, its options as text, who asked, and whether the platform says they may administer.
/// </summary>
/// <param name="Name">Lower-case command name, e.g. "ask", "sources", "ingest".</param>
/// <param name="Options">Option values by option name, as the user typed them.</param>
/// <param name="Request">The asking user and place; <see cref="ChatRequest.Text"/> holds the main argument.</param>
/// <param name="IsAdmin">True when the platform confirmed the user may run admin-only commands.</param>
public sealed record ChatCommand(
    string Name,
    IReadOnlyDictionary<string, string> Options,
    ChatRequest Request,
    bool IsAdmin)
{
    /// <summary>The option holding a command's subcommand ("watch add", "digest subscribe").</summary>
    public const string SubcommandOption = "subcommand";
}
