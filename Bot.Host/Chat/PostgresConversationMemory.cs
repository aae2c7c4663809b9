using Bot.Knowledge.Answering;
using Bot.Knowledge.Storage.Postgres;
using Npgsql;

namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IConversationMemory"/> in PostgreSQL, shared by every instance: the thread's last turns, and threads
/// quiet for <see cref="ThreadRetention"/> are deleted now and then (their context is stale anyway).
/// </summary>
public sealed class PostgresConversationMemory : IConversationMemory
{
    public const string Module = "conversation_turns";
    public static readonly TimeSpan ThreadRetention = TimeSpan.FromDays(7);

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversation_turns (
            seq bigserial PRIMARY KEY,
            thread_key text NOT NULL,
            question text NOT NULL,
            answer text NOT NULL,
            at timestamptz NOT NULL);
        CREATE INDEX conversation_turns_thread ON conversation_turns (thread_key, seq);
        CREATE INDEX conversation_turns_at ON conversation_turns (at)
        """,
    ];

    private readonly NpgsqlDataSource _data;
    private readonly TimeProvider _time;
    private long _lastPrunedTicks;

    public PostgresConversationMemory(PostgresDatabase database, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
        _time = time;
        _lastPrunedTicks = time.GetUtcNow().UtcTicks;
    }

    public IReadOnlyList<ConversationTurn> Get(string platform, string channelId, string? threadId)
    {
        if (threadId is null) return [];
        using var command = _data.CreateCommand(
            "SELECT question, answer FROM (SELECT seq, question, answer FROM conversation_turns WHERE thread_key = @thread " +
            "ORDER BY seq DESC LIMIT @max) AS last ORDER BY seq");
        command.Parameters.AddWithValue("thread", Key(platform, channelId, threadId));
        command.Parameters.AddWithValue("max", IConversationMemory.MaxTurnsPerThread);
        using var reader = command.ExecuteReader();
        var turns = new List<ConversationTurn>();
        while (reader.Read()) turns.Add(new ConversationTurn(reader.GetString(0), reader.GetString(1)));
        return turns;
    }

    public void Add(string platform, string channelId, string? threadId, ConversationTurn turn)
    {
        if (threadId is null) return;
        var now = _time.GetUtcNow();
        var key = Key(platform, channelId, threadId);
        using var batch = _data.CreateBatch();
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO conversation_turns (thread_key, question, answer, at) VALUES (@thread, @question, @answer, @at)");
        insert.Parameters.AddWithValue("thread", key);
        insert.Parameters.AddWithValue("question", turn.Question);
        insert.Parameters.AddWithValue("answer", turn.Answer);
        insert.Parameters.AddWithValue("at", now.UtcDateTime);
        batch.BatchCommands.Add(insert);
        // Older turns of the thread than the last few are never read again.
        var trim = new NpgsqlBatchCommand(
            "DELETE FROM conversation_turns WHERE thread_key = @thread AND seq < " +
            "(SELECT min(seq) FROM (SELECT seq FROM conversation_turns WHERE thread_key = @thread ORDER BY seq DESC LIMIT @max) AS last)");
        trim.Parameters.AddWithValue("thread", key);
        trim.Parameters.AddWithValue("max", IConversationMemory.MaxTurnsPerThread);
        batch.BatchCommands.Add(trim);
        if (now.UtcTicks - Interlocked.Read(ref _lastPrunedTicks) >= TimeSpan.TicksPerHour)
        {
            Interlocked.Exchange(ref _lastPrunedTicks, now.UtcTicks);
            var prune = new NpgsqlBatchCommand("DELETE FROM conversation_turns WHERE at < @cutoff");
            prune.Parameters.AddWithValue("cutoff", (now - ThreadRetention).UtcDateTime);
            batch.BatchCommands.Add(prune);
        }
        batch.ExecuteNonQuery();
    }

    private static string Key(string platform, string channelId, string threadId) => $"{platform}|{channelId}|{threadId}";
}
