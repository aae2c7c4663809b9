namespace Bot.Host.Chat;

/// <summary>
/// The last few question/answer turns per thread, so follow-ups ("and why?") keep their subject. In memory for one
/// process (a restart forgets threads, which only costs context); in PostgreSQL when several instances share the
/// work, so a follow-up landing on another instance still knows the thread.
/// </summary>
public interface IConversationMemory
{
    const int MaxTurnsPerThread = 4;

    /// <summary>The thread's turns, oldest first; none outside a thread.</summary>
    IReadOnlyList<ConversationTurn> Get(string platform, string channelId, string? threadId);

    void Add(string platform, string channelId, string? threadId, ConversationTurn turn);
}
