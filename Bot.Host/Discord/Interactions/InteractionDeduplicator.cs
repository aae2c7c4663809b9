namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Remembers recent interaction ids: the gateway may deliver an event more than once
/// (protocols.md §1.5), and an interaction must be answered once.
/// </summary>
internal sealed class InteractionDeduplicator
{
    private const int Capacity = 2048;
    private readonly HashSet<string> _seen = [];
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryMarkSeen(string interactionId)
    {
        lock (_lock)
        {
            if (!_seen.Add(interactionId)) return false;
            _order.Enqueue(interactionId);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
