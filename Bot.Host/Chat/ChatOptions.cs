namespace Bot.Host.Chat;

/// <summary>Settings of the platform-neutral core (section <c>Chat</c>).</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";
    /// <summary>Questions one user may ask per minute on any platform.</summary>
    public int QuestionsPerMinute { get; set; } = 5;
    /// <summary>An answer that takes longer than this is abandoned with an apology.</summary>
    public int AnswerTimeoutSeconds { get; set; } = 60;
    /// <summary>How long an answer's buttons (feedback, sources) keep working; answers nobody voted on are deleted after it.</summary>
    public int FeedbackRetentionDays { get; set; } = 30;
}
