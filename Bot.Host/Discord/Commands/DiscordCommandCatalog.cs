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

    public static IReadOnlyList<DiscordCommandDefinition> All { get; } =
    [
        new(new DiscordApplicationCommand("ask", "Ask about tech layoffs; answered with verbatim quotes and sources.",
                [new(StringOption, "question", "Your question, e.g. Why did Amazon cut jobs in 2023?", Required: true, MaxLength: 500)]),
            MainOption: "question", Ephemeral: false, RequiresManageGuild: false),
        new(new DiscordApplicationCommand("layoffs", "A company's layoff timeline with sources.",
                [
                    new(StringOption, "company", "Company name, e.g. Meta", Required: true, MaxLength: 100),
                    new(StringOption, "since", "Only events on or after this date (YYYY-MM-DD)", MaxLength: 10),
                ]),
            MainOption: "company", Ephemeral: false, RequiresManageGuild: false),
        new(new DiscordApplicationCommand("digest", "The layoffs digest: the latest one, or this channel's subscription.",
                [
                    new(SubcommandOption, "latest", "The latest digest (only you see it)"),
                    new(SubcommandOption, "subscribe", "Post the digest in this channel at every scheduled time (Manage Server only)"),
                    new(SubcommandOption, "unsubscribe", "Stop posting the digest in this channel (Manage Server only)"),
                ]),
            MainOption: null, Ephemeral: true, RequiresManageGuild: false, ManageGuildSubcommands: ["subscribe", "unsubscribe"]),
        new(new DiscordApplicationCommand("sources", "What the knowledge base holds."),
            MainOption: null, Ephemeral: false, RequiresManageGuild: false),
        new(new DiscordApplicationCommand("ingest", "Add a web page to the knowledge base (Manage Server only).",
                [new(StringOption, "url", "The article's http(s) URL", Required: true, MaxLength: 2000)],
                DefaultMemberPermissions: ManageGuild, Contexts: [GuildContext]),
            MainOption: "url", Ephemeral: true, RequiresManageGuild: true),
        new(new DiscordApplicationCommand("watch", "Post each new layoff round of a company in this channel (Manage Server only).",
                [
                    new(SubcommandOption, "add", "Watch a company in this channel", Options: [CompanyOption("The company to watch")]),
                    new(SubcommandOption, "remove", "Stop watching a company in this channel", Options: [CompanyOption("The company to stop watching")]),
                    new(SubcommandOption, "list", "The companies this channel watches"),
                ],
                DefaultMemberPermissions: ManageGuild, Contexts: [GuildContext]),
            MainOption: null, Ephemeral: true, RequiresManageGuild: true),
    ];

    /// <summary>A required company name, completed from the companies in the data as it is typed.</summary>
    private static DiscordApplicationCommandOption CompanyOption(string description) =>
        new(StringOption, "company", description, Required: true, MaxLength: 100, Autocomplete: true);

    public static IReadOnlyList<DiscordApplicationCommand> Commands { get; } = All.Select(d => d.Command).ToList();

    public static DiscordCommandDefinition? Find(string? name) => All.FirstOrDefault(d => d.Name == name);
}
