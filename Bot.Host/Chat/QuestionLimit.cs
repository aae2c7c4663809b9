namespace Bot.Host.Chat;

/// <summary>
/// The longest question any surface (CLI, Discord, Slack) accepts. No real question needs more, and
/// very long ones crashed the encoder (32k characters aborted the process inside the ONNX runtime).
/// </summary>
public static class QuestionLimit
{
    public const int MaxCharacters = 2000;

    /// <summary>The message refusing <paramref name="question"/>, or null when its length is fine.</summary>
    public static string? RefusalFor(string question) =>
        question.Length <= MaxCharacters ? null
            : $"That question is {question.Length:N0} characters long; please ask in at most {MaxCharacters:N0} characters.";
}
