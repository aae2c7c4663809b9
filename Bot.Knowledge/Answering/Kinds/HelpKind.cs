namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// Greetings, thanks, "help", "what can you do", off-topic and unreadable messages: a short account of
/// what the bot knows, three example questions and the commands; never a layoff answer.
/// </summary>
public sealed class HelpKind : IQuestionKind
{
    public string Name => "help";

    /// <summary>What the bot does, in one sentence (the chat platforms' help starts with it too).</summary>
    public const string Intro =
        "I answer questions about tech layoffs from the articles and layoff data I have, quoting my sources word for word " +
        "and saying so when they don't cover something.";

    /// <summary>
    /// Three questions that show what can be asked (shared with the chat platforms' help). No figures or dates
    /// in them: the help reply passes the answer verifier like any answer, and a date no source backs is removed.
    /// </summary>
    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "How many roles did Amazon cut, and why?",
        "What severance did Meta give the people it laid off?",
        "Which teams were hit when Shopify cut jobs?",
    ];

    /// <summary>The reply to a greeting, "help", an off-topic or unreadable message; the platform's help command lists its
    /// commands.</summary>
    public static string Text { get; } =
        // Single quotes: words in double quotes must be a verified quote, and these are the user's words, not a source's.
        $"{Intro} Try: {string.Join(" ", ExampleQuestions.Select(q => $"‘{q}’"))} " +
        "For the commands (company timelines, the digest, company watches), use /help on Discord or /layoffs help on Slack.";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft)
    {
        if (context.Question.Intent != QuestionIntent.Help) return false;
        draft.Say(Text);
        draft.NoAnswer = true;
        return true;
    }
}
