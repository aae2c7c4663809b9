namespace Bot.Host.Chat;

/// <summary><see cref="IInboundDeduplicator"/> for one process: the ids of the last window, oldest forgotten first.</summary>
internal sealed class InMemoryInboundDeduplicator(TimeProvider time) : IInboundDeduplicator
{
    private readonly HashSet<string> _seen = [];
    private readonly Queue<(string Key, DateTimeOffset SeenAt)> _order = new();
    private readonly Lock _lock = new();

    public bool TryMarkFirst(string platform, string id)
    {
        var now = time.GetUtcNow();
        var key = $"{platform}:{id}";
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && now - oldest.SeenAt > IInboundDeduplicator.Window) _seen.Remove(_order.Dequeue().Key);
            if (!_seen.Add(key)) return false;
            _order.Enqueue((key, now));
            return true;
        }
    }

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get { lock (_lock) return _seen.Count; }
    }
}
