namespace Bot.Knowledge.Digest;

public enum DigestDeliveryState
{
    /// <summary>Claimed, being sent.</summary>
    Claimed,
    Sent,
    /// <summary>Empty period with Digest:SkipEmpty: nothing posted, on purpose.</summary>
    Skipped,
    /// <summary>The channel could not be posted to (deleted, no access); not retried.</summary>
    Failed,
    /// <summary>Claimed by a process that stopped before confirming: maybe posted, maybe not; never re-posted (at-most-once).</summary>
    Abandoned,
}
