namespace Bot.Host.Discord;

/// <summary>
/// One gateway shard's live status for <c>/health</c>: state, session, last heartbeat ACK and its round trip,
/// last error. Lives in <see cref="DiscordConnectionState"/> and shares its lock.
/// </summary>
internal sealed class DiscordShardState
{
    private readonly DiscordConnectionState _owner;
    private DiscordConnectionStatus _status = DiscordConnectionStatus.Starting;
    private DateTimeOffset _since;
    private string? _sessionId;
    private DateTimeOffset? _lastHeartbeatAck;
    private TimeSpan? _latency;
    private string? _lastError;

    internal DiscordShardState(DiscordConnectionState owner, int id, int count)
    {
        _owner = owner;
        Id = id;
        Count = count;
        _since = owner.Time.GetUtcNow();
    }

    public int Id { get; }
    public int Count { get; }
    public DiscordConnectionStatus Status { get { lock (_owner.Sync) return _status; } }
    /// <summary>When <see cref="Status"/> last changed.</summary>
    public DateTimeOffset Since { get { lock (_owner.Sync) return _since; } }
    public string? SessionId { get { lock (_owner.Sync) return _sessionId; } }
    public string? LastError { get { lock (_owner.Sync) return _lastError; } }

    internal DiscordConnectionStatus StatusUnlocked => _status;
    internal string? SessionIdUnlocked => _sessionId;
    internal TimeSpan? LatencyUnlocked => _latency;

    public void Set(DiscordConnectionStatus status, string? sessionId = null) => Change(() =>
    {
        if (_status != status) _since = _owner.Time.GetUtcNow();
        _status = status;
        if (sessionId is not null) _sessionId = sessionId;
    });

    /// <summary>Also becomes the edge's last error, prefixed with the shard.</summary>
    public void Error(string message) => Change(() => _lastError = message, $"shard {Id}: {message}");

    public void HeartbeatAcked(TimeSpan? latency) => Change(() =>
    {
        _lastHeartbeatAck = _owner.Time.GetUtcNow();
        _latency = latency;
    });

    private void Change(Action change, string? error = null)
    {
        lock (_owner.Sync)
        {
            var before = _owner.Status;
            change();
            _owner.ShardChanged(before, error);
        }
    }

    internal object SnapshotUnlocked() => new
    {
        id = Id,
        status = _status.ToString().ToLowerInvariant(),
        since = _since,
        session = _sessionId,
        lastHeartbeatAck = _lastHeartbeatAck,
        heartbeatLatencyMs = _latency?.TotalMilliseconds,
        lastError = _lastError,
    };
}
