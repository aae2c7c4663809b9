namespace Bot.Host.Discord;

/// <summary>
/// The Discord edge's live status, written by the gateway client and the command registrar and
/// read by <see cref="DiscordHealthReporter"/>. Holds no secrets.
/// </summary>
internal sealed class DiscordConnectionState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DiscordConnectionStatus _status = DiscordConnectionStatus.Starting;
    private string? _sessionId;
    private string? _lastError;
    private DateTimeOffset _since = time.GetUtcNow();
    private DateTimeOffset? _commandsRegisteredAt;
    private TimeSpan? _latency;

    public DiscordConnectionStatus Status { get { lock (_lock) return _status; } }
    public string? LastError { get { lock (_lock) return _lastError; } }
    public DateTimeOffset? CommandsRegisteredAt { get { lock (_lock) return _commandsRegisteredAt; } }

    public void Set(DiscordConnectionStatus status, string? sessionId = null)
    {
        lock (_lock)
        {
            if (_status != status) _since = time.GetUtcNow();
            _status = status;
            if (sessionId is not null) _sessionId = sessionId;
        }
    }

    public void Error(string message)
    {
        lock (_lock) _lastError = message;
    }

    public void CommandsRegistered()
    {
        lock (_lock) _commandsRegisteredAt = time.GetUtcNow();
    }

    public void Latency(TimeSpan? latency)
    {
        lock (_lock) _latency = latency;
    }

    /// <summary>A JSON-friendly snapshot for <c>GET /health</c>.</summary>
    public object Snapshot()
    {
        lock (_lock)
        {
            return new
            {
                status = _status.ToString().ToLowerInvariant(),
                since = _since,
                session = _sessionId,
                heartbeatLatencyMs = _latency?.TotalMilliseconds,
                commandsRegisteredAt = _commandsRegisteredAt,
                lastError = _lastError,
            };
        }
    }
}
