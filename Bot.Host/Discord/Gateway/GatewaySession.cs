using Bot.Host.Discord.Gateway.Protocol;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// What a gateway session needs to survive a reconnect: session id, resume URL and the last
/// sequence number. Read by the heartbeat while the read loop writes, hence the lock.
/// </summary>
internal sealed class GatewaySession
{
    private readonly Lock _lock = new();
    private string? _sessionId;
    private string? _resumeGatewayUrl;
    private int? _sequence;

    public string? SessionId { get { lock (_lock) return _sessionId; } }
    public string? ResumeGatewayUrl { get { lock (_lock) return _resumeGatewayUrl; } }
    /// <summary>The last non-null <c>s</c>, sent with heartbeats and RESUME.</summary>
    public int? Sequence { get { lock (_lock) return _sequence; } }
    public bool CanResume { get { lock (_lock) return _sessionId is not null && _resumeGatewayUrl is not null && _sequence is not null; } }

    public void Start(GatewayReady ready)
    {
        lock (_lock)
        {
            _sessionId = ready.SessionId;
            _resumeGatewayUrl = ready.ResumeGatewayUrl;
        }
    }

    /// <summary>Every dispatch, replayed ones included, moves the sequence on.</summary>
    public void Observe(int? sequence)
    {
        if (sequence is null) return;
        lock (_lock) _sequence = sequence;
    }

    /// <summary>The session is dead (op 9 false, 4007, 4009): the next connection identifies afresh.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _sessionId = null;
            _resumeGatewayUrl = null;
            _sequence = null;
        }
    }
}
