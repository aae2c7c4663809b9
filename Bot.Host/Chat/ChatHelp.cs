namespace Bot.Host.Chat;

/// <summary>
/// The help every platform shows (Discord <c>/help</c>, Slack <c>/layoffs help</c>, a mention or DM that
/// says only "help"): what the bot does, the asking platform's commands and three example questions.
/// The edge supplies its own command list; the wording and the examples are shared.
/// </summary>
public static class ChatHelp
{
    public const string Intro =
        "I answer questions about tech layoffs from the articles and layoff data I have, quoting my sources word for word " +
        "and saying so when they don't cover something.";

    public const string Heading = "Commands and examples";

    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "How many roles did Amazon cut in October 2025 and why?",
        "What severance did Meta give in November 2022?",
        "Which teams were hit at Shopify in July 2022?",
    ];

    /// <summary>The help as a private reply: one line per command, then the examples.</summary>
    public static ChatReply Reply(IEnumerable<ChatCommandUsage> commands) => new()
    {
        Text = Intro,
        Lines = commands.Select(c => $"{c.Usage}: {c.Description}")
            .Concat(ExampleQuestions.Select(q => $"Try: \"{q}\""))
            .ToList(),
        LinesHeading = Heading,
        Ephemeral = true,
    };

    /// <summary>True when a message asks for help and nothing else ("help", "Help?").</summary>
    public static bool IsHelpRequest(string text) =>
        text.Trim().TrimEnd('?', '!', '.').Trim().Equals("help", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One command as the help lists it, e.g. ("/layoffs company:…", "A company's layoff timeline").</summary>
public sealed record ChatCommandUsage(string Usage, string Description);
