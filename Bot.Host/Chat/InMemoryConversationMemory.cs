using System.Collections.Concurrent;

namespace Bot.Host.Chat;

/// <summary><see cref="IConversationMemory"/> for one process, bounded by a crude thread count.</summary>
public sealed class InMemoryConversationMemory : IConversationMemory
{    private const int MaxThreads = 10_000;
    private readonly ConcurrentDictionary<string, List<ConversationTurn>> _threads = new();

    public IReadOnlyList<ConversationTurn> Get(string platform, string channelId, string? threadId)
    {
        if (threadId is null) return [];
        if (!_threads.TryGetValue(Key(platform, channelId, threadId), out var turns)) return [];
        lock (turns) return turns.ToList();
    }

    public void Add(string platform, string channelId, string? threadId, ConversationTurn turn)
    {
        if (threadId is null) return;
        if (_threads.Count >= MaxThreads) _threads.Clear(); // crude bound; losing context is harmless
        var turns = _threads.GetOrAdd(Key(platform, channelId, threadId), _ => []);
        lock (turns)
        {
            turns.Add(turn);
            if (turns.Count > IConversationMemory.MaxTurnsPerThread) turns.RemoveAt(0);
        }
    }

    private static string Key(string platform, string channelId, string threadId) => $"{platform}|{channelId}|{threadId}";
}
