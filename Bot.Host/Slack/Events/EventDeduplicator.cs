namespace Bot.Host.Slack.Events;

/// <summary>
/// Remembers the last event ids seen so Slack retries and redeliveries are answered once.
/// Bounded: the oldest ids are forgotten first (Slack's retries arrive within minutes).
/// </summary>
internal sealed class EventDeduplicator
{
    public const int Capacity = 10_000;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="eventId"/> is offered, false for every repeat.</summary>
    public bool TryMarkFirst(string eventId)
    {
        lock (_gate)
        {
            if (!_seen.Add(eventId)) return false;
            _order.Enqueue(eventId);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
