namespace Bot.Host.Chat;

/// <summary>
/// The help every platform shows (Discord <c>/help</c>, Slack <c>/layoffs help</c>, a mention or DM that
/// says only "help"): what the bot does, the asking platform's commands and three example questions.
/// The edge supplies its own command list; the wording and the examples are the answer engine's
/// (<see cref="Bot.Knowledge.Answering.Kinds.HelpKind"/>), so a greeting and /help describe the bot alike.
/// </summary>
public static class ChatHelp
{
    public const string Intro = Bot.Knowledge.Answering.Kinds.HelpKind.Intro;

    public const string Heading = "Commands and examples";

    public static IReadOnlyList<string> ExampleQuestions => Bot.Knowledge.Answering.Kinds.HelpKind.ExampleQuestions;

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
