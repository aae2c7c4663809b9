namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Remembers the interaction ids of the last <see cref="Window"/>: the gateway may deliver an event
/// more than once (protocols.md §1.5), and an interaction must be answered once. Bounded by time, not
/// count, so a burst cannot push an id out while it can still be replayed: signed HTTP requests older
/// than five minutes are refused, and an interaction token expires after 15 minutes.
/// </summary>
internal sealed class InteractionDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly HashSet<string> _seen = [];
    private readonly Queue<(string Id, DateTimeOffset SeenAt)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen within the window.</summary>
    public bool TryMarkSeen(string interactionId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && now - oldest.SeenAt > Window) _seen.Remove(_order.Dequeue().Id);
            if (!_seen.Add(interactionId)) return false;
            _order.Enqueue((interactionId, now));
            return true;
        }
    }

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get { lock (_lock) return _seen.Count; }
    }
}
