using Bot.Host.Discord.Rest.Protocol;

namespace Bot.Host.Discord.Commands;

/// <summary>The bot's slash commands, registered at start by bulk overwrite.</summary>
internal static class DiscordCommandCatalog
{
    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5), shown as "Manage Server".</summary>
    public const ulong ManageGuildPermission = 0x20;
    /// <summary>ADMINISTRATOR (1 &lt;&lt; 3) implies every permission.</summary>
    public const ulong AdministratorPermission = 0x8;
    private const int SubcommandOption = 1;
    private const int StringOption = 3;
    private static readonly string ManageGuild = ManageGuildPermission.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private const int GuildContext = 0;
    /// <summary>Guild, the bot's DM, and private channels (group DMs, DMs between others: user installs).</summary>
    private static readonly IReadOnlyList<int> EveryContext = [0, 1, 2];
    /// <summary>Installable to a server (0) and to a user's account (1).</summary>
    private static readonly IReadOnlyList<int> ServerAndUserInstall = [0, 1];
    private static readonly IReadOnlyList<int> ServerInstallOnly = [0];

    public static IReadOnlyList<DiscordCommandDefinition> All { get; } =
    [
        new(new DiscordApplicationCommand("ask", "Ask about tech layoffs; answered with verbatim quotes and sources.",
                [new(StringOption, "question", "Your question, e.g. Why did Amazon cut jobs in 2023?", Required: true, MaxLength: 500)],
                Contexts: EveryContext, IntegrationTypes: ServerAndUserInstall),
            MainOption: "question", Ephemeral: false, RequiresManageGuild: false),
        new(new DiscordApplicationCommand("layoffs", "A company's layoff timeline with sources.",
                [
                    Company("Company name, e.g. Meta"),
                    new(StringOption, "since", "Only events on or after this date (YYYY-MM-DD)", MaxLength: 10),
                ],
                Contexts: EveryContext, IntegrationTypes: ServerAndUserInstall),
            MainOption: CompanyOption, Ephemeral: false, RequiresManageGuild: false),
        // Registered everywhere for "latest"; subscribe/unsubscribe are re-checked on receipt (Manage Server, in a server that installed
        // the bot).
        new(new DiscordApplicationCommand("digest", "The layoffs digest: the latest one, or this channel's subscription.",
                [
                    new(SubcommandOption, "latest", "The latest digest (only you see it)"),
                    new(SubcommandOption, "subscribe", "Post the digest in this channel at every scheduled time (Manage Server only)"),
                    new(SubcommandOption, "unsubscribe", "Stop posting the digest in this channel (Manage Server only)"),
                ],
                Contexts: EveryContext, IntegrationTypes: ServerAndUserInstall),
            MainOption: null, Ephemeral: true, RequiresManageGuild: false, ManageGuildSubcommands: ["subscribe", "unsubscribe"]),
        new(new DiscordApplicationCommand("sources", "What the knowledge base holds.",
                Contexts: EveryContext, IntegrationTypes: ServerAndUserInstall),
            MainOption: null, Ephemeral: false, RequiresManageGuild: false),
        new(new DiscordApplicationCommand("ingest", "Add a web page to the knowledge base (Manage Server only).",
                [new(StringOption, "url", "The article's http(s) URL", Required: true, MaxLength: 2000)],
                DefaultMemberPermissions: ManageGuild, Contexts: [GuildContext], IntegrationTypes: ServerInstallOnly),
            MainOption: "url", Ephemeral: true, RequiresManageGuild: true),
        new(new DiscordApplicationCommand("watch", "Post each new layoff round of a company in this channel (Manage Server only).",
                [
                    new(SubcommandOption, "add", "Watch a company in this channel (Manage Server only)",
                        Options: [Company("The company to watch")]),
                    new(SubcommandOption, "remove", "Stop watching a company in this channel (Manage Server only)",
                        Options: [Company("The company to stop watching")]),
                    new(SubcommandOption, "list", "The companies this channel watches (Manage Server only)"),
                ],
                DefaultMemberPermissions: ManageGuild, Contexts: [GuildContext], IntegrationTypes: ServerInstallOnly),
            MainOption: null, Ephemeral: true, RequiresManageGuild: true),
        new(new DiscordApplicationCommand(HelpCommand, "What LayoffBot can do: its commands and example questions (only you see it).",
                Contexts: EveryContext, IntegrationTypes: ServerAndUserInstall),
            MainOption: null, Ephemeral: true, RequiresManageGuild: false),
        // Message context menu (Apps → Ask LayoffBot about this): the message's text is the question; only the invoker sees the answer.
        new(new DiscordApplicationCommand(AskAboutMessageCommand, "", Type: DiscordCommandDefinition.MessageCommandType,
                Contexts: EveryContext, IntegrationTypes: ServerAndUserInstall),
            MainOption: "question", Ephemeral: true, RequiresManageGuild: false, ChatName: "ask"),
    ];

    public const string AskAboutMessageCommand = "Ask LayoffBot about this";

    public const string HelpCommand = "help";
    /// <summary>Every option of this name offers company names as the user types (autocomplete), also inside subcommands.</summary>
    public const string CompanyOption = "company";

    public static IReadOnlyList<DiscordApplicationCommand> Commands { get; } = All.Select(d => d.Command).ToList();

    public static DiscordCommandDefinition? Find(string? name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>
    /// The commands as <c>/help</c> lists them, e.g. <c>/layoffs company:… [since:…]</c>; a command with subcommands
    /// is listed once per subcommand (<c>/watch add company:…</c>).
    /// </summary>
    public static IReadOnlyList<ChatCommandUsage> Usages { get; } = All.SelectMany(UsagesOf).ToList();

    private static IEnumerable<ChatCommandUsage> UsagesOf(DiscordCommandDefinition d)
    {
        if (d.IsMessageCommand)
            return [new ChatCommandUsage($"Apps → {d.Name}", "on any message: answers its text as a question (only you see it)")];
        var options = d.Command.Options ?? [];
        return options.Count > 0 && options.All(o => o.Type == SubcommandOption)
            ? options.Select(s => new ChatCommandUsage($"/{d.Name} {s.Name}{Parameters(s.Options)}", s.Description))
            : [new ChatCommandUsage($"/{d.Name}{Parameters(options)}", d.Command.Description)];
    }

    private static string Parameters(IReadOnlyList<DiscordApplicationCommandOption>? options) =>
        string.Concat((options ?? []).Select(o => o.Required ? $" {o.Name}:…" : $" [{o.Name}:…]"));

    /// <summary>A required company name, completed from the companies the knowledge base knows as it is typed.</summary>
    private static DiscordApplicationCommandOption Company(string description) =>
        new(StringOption, CompanyOption, description, Required: true, MaxLength: 100, Autocomplete: true);
}
