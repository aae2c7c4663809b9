namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// Greetings, thanks, "help", "what can you do", off-topic and unreadable messages: a short account of
/// what the bot knows, three example questions and the commands; never a layoff answer.
/// </summary>
public sealed class HelpKind : IQuestionKind
{
    public string Name => "help";

    public const string Text =
        "I answer questions about tech layoffs from the articles and layoff data I have, quoting my sources word for word " +
        "and saying so when they don't cover something. Try: \"How many roles did Amazon cut in October 2025 and why?\", " +
        "\"What severance did Meta give in November 2022?\", \"Which teams were hit at Shopify in July 2022?\" " +
        "Commands: /ask (or mention me) to ask a question, /layoffs COMPANY for a company's rounds, /digest for the latest digest, /sources for what I have read.";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft)
    {
        if (context.Question.Intent != QuestionIntent.Help) return false;
        draft.Say(Text);
        draft.NoAnswer = true;
        return true;
    }
}
