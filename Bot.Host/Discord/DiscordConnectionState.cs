namespace Bot.Host.Discord;

/// <summary>
/// The Discord edge's live status, written by the gateway shards and the command registrar and
/// read by <see cref="DiscordHealthReporter"/>. With shards, the status is the least healthy shard's.
/// Holds no secrets.
/// </summary>
internal sealed class DiscordConnectionState(TimeProvider time)
{
    private readonly List<DiscordShardState> _shards = [];
    private DiscordConnectionStatus _status = DiscordConnectionStatus.Starting;
    private string? _lastError;
    private DateTimeOffset _since = time.GetUtcNow();
    private DateTimeOffset? _commandsRegisteredAt;

    /// <summary>One lock for the whole state, shards included, so the snapshot is consistent.</summary>
    internal Lock Sync { get; } = new();
    internal TimeProvider Time { get; } = time;

    public DiscordConnectionStatus Status { get { lock (Sync) return _shards.Count == 0 ? _status : Worst(); } }
    public string? LastError { get { lock (Sync) return _lastError; } }
    public DateTimeOffset? CommandsRegisteredAt { get { lock (Sync) return _commandsRegisteredAt; } }
    public IReadOnlyList<DiscordShardState> Shards { get { lock (Sync) return [.. _shards]; } }

    /// <summary>The edge as a whole: http mode, or the gateway before its shards exist (resolving <c>auto</c>).</summary>
    public void Set(DiscordConnectionStatus status)
    {
        lock (Sync)
        {
            var before = Status;
            _status = status;
            if (Status != before) _since = Time.GetUtcNow();
        }
    }

    public void Error(string message)
    {
        lock (Sync) _lastError = message;
    }

    public void CommandsRegistered()
    {
        lock (Sync) _commandsRegisteredAt = Time.GetUtcNow();
    }

    public DiscordShardState AddShard(int id, int count)
    {
        lock (Sync)
        {
            var before = Status;
            var shard = new DiscordShardState(this, id, count);
            _shards.Add(shard);
            if (Status != before) _since = Time.GetUtcNow();
            return shard;
        }
    }

    /// <summary>Called by a shard (under <see cref="Sync"/>) after it changed, with the overall status before the change.</summary>
    internal void ShardChanged(DiscordConnectionStatus before, string? error)
    {
        if (Status != before) _since = Time.GetUtcNow();
        if (error is not null) _lastError = error;
    }

    /// <summary>The order in which a status is worse for health: failed first, connected last.</summary>
    private static int Rank(DiscordConnectionStatus status) => status switch
    {
        DiscordConnectionStatus.Failed => 0,
        DiscordConnectionStatus.Stopped => 1,
        DiscordConnectionStatus.Starting => 2,
        DiscordConnectionStatus.Reconnecting => 3,
        DiscordConnectionStatus.Connecting => 4,
        DiscordConnectionStatus.Resuming => 5,
        _ => 6,
    };

    private DiscordConnectionStatus Worst() => _shards.Select(s => s.StatusUnlocked).MinBy(Rank);

    /// <summary>A JSON-friendly snapshot for <c>GET /health</c>; <c>session</c> and latency at the top describe a lone shard.</summary>
    public object Snapshot()
    {
        lock (Sync)
        {
            var single = _shards.Count == 1 ? _shards[0] : null;
            return new
            {
                status = Status.ToString().ToLowerInvariant(),
                since = _since,
                session = single?.SessionIdUnlocked,
                heartbeatLatencyMs = single?.LatencyUnlocked?.TotalMilliseconds,
                commandsRegisteredAt = _commandsRegisteredAt,
                lastError = _lastError,
                shardCount = _shards.Count == 0 ? (int?)null : _shards[0].Count,
                shards = _shards.Select(s => s.SnapshotUnlocked()).ToList(),
            };
        }
    }
}
