namespace Bot.Host.Discord.Gateway;

/// <summary>
/// Discord disconnects a client that sends more than 120 payloads in 60 s on one connection
/// (protocols.md §1.1). Ordinary sends may use 117 of them; the last 3 stay free for heartbeats,
/// which must never wait (Discord.Net's GatewayBucket does the same). One instance per connection.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int ReservedForHeartbeats = 3;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    public async Task WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var allowed = heartbeat ? Limit : Limit - ReservedForHeartbeats;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window) _sent.Dequeue();
                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }
                // Until enough of the oldest sends have aged out of the window.
                wait = _sent.ElementAt(_sent.Count - allowed) + Window - now;
            }
            // Not holding anything while waiting: a heartbeat must get past a held ordinary send.
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
