namespace Bot.Host.Slack;

/// <summary>What the Socket Mode loop last saw, for <c>GET /health</c>. Written by one loop, read by health checks.</summary>
internal sealed class SlackConnectionState
{
    private volatile bool _connected;
    private volatile string? _stoppedReason;
    private long _connections;
    private long _lastHelloUnixMs = -1;

    public bool IsConnected => _connected;
    public string? StoppedReason => _stoppedReason;
    public long Connections => Interlocked.Read(ref _connections);

    public DateTimeOffset? LastHelloAt =>
        Interlocked.Read(ref _lastHelloUnixMs) is var ms and >= 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public void OnHello(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastHelloUnixMs, at.ToUnixTimeMilliseconds());
        Interlocked.Increment(ref _connections);
        _connected = true;
    }

    public void OnDisconnected() => _connected = false;

    public void OnStopped(string reason)
    {
        _connected = false;
        _stoppedReason = reason;
    }
}
