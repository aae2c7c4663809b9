namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IConversationMemory"/> in PostgreSQL, shared by every instance: the thread's last turns, and threads
/// quiet for <see cref="ThreadRetention"/> are deleted now and then (their context is stale anyway).
/// </summary>
public sealed class PostgresConversationMemory(PostgresDatabase database, TimeProvider time)
    : PostgresStore(database, Module), IConversationMemory
{
    public const string Module = "conversation_turns";
    public static readonly TimeSpan ThreadRetention = TimeSpan.FromDays(7);

    private readonly OccasionalPrune _prune = new(time, TimeSpan.FromHours(1));

    public IReadOnlyList<ConversationTurn> Get(string platform, string channelId, string? threadId)
    {
        if (threadId is null) return [];
        return Run(c => c.Query(
            "SELECT question, answer FROM (SELECT seq, question, answer FROM conversation_turns WHERE thread_key = @thread " +
            "ORDER BY seq DESC LIMIT @max) AS last ORDER BY seq",
            r => new ConversationTurn(r.GetString(0), r.GetString(1)),
            ("thread", Key(platform, channelId, threadId)), ("max", IConversationMemory.MaxTurnsPerThread)));
    }

    public void Add(string platform, string channelId, string? threadId, ConversationTurn turn)
    {
        if (threadId is null) return;
        var now = time.GetUtcNow();
        var prune = _prune.Due(now);
        // One round trip. Older turns of the thread than the last few are never read again.
        Run(c => c.Execute(
            "INSERT INTO conversation_turns (thread_key, question, answer, at) VALUES (@thread, @question, @answer, @at); " +
            "DELETE FROM conversation_turns WHERE thread_key = @thread AND seq < " +
            "(SELECT min(seq) FROM (SELECT seq FROM conversation_turns WHERE thread_key = @thread ORDER BY seq DESC LIMIT @max) AS last)" +
            (prune ? "; DELETE FROM conversation_turns WHERE at < @cutoff" : ""),
            ("thread", Key(platform, channelId, threadId)), ("question", turn.Question), ("answer", turn.Answer),
            ("at", now.UtcDateTime), ("max", IConversationMemory.MaxTurnsPerThread), ("cutoff", (now - ThreadRetention).UtcDateTime)));
    }

    private static string Key(string platform, string channelId, string threadId) => $"{platform}|{channelId}|{threadId}";
}
