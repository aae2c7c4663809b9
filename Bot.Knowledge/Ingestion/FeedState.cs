namespace Bot.Knowledge.Ingestion;

/// <summary>What the poller remembers about one feed between polls and restarts (<see cref="IFeedStateStore"/>).</summary>
public sealed class FeedState
{
    /// <summary>The feed URL as configured.</summary>
    [BsonId] public string Url { get; set; } = "";
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastPolledAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>"new", "not-modified" or "failed": what the last poll found.</summary>
    public string? LastOutcome { get; set; }
    public int LastNewItems { get; set; }
    public int TotalNewItems { get; set; }
}
