namespace Bot.Host.Discord.Gateway;

/// <summary>
/// IDENTIFY buckets shared with other instances of the bot (PostgreSQL); without one (LiteDB) the gate's own
/// buckets are the whole truth, as one process runs all the shards.
/// </summary>
internal interface ISharedIdentifyBuckets
{
    /// <summary>Claims <paramref name="bucket"/> for an IDENTIFY now: null when claimed, else when to ask again.</summary>
    Task<DateTimeOffset?> TryClaimAsync(int bucket, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The claimed IDENTIFY went out at <paramref name="at"/>: the bucket is free 5 s later.</summary>
    void Sent(int bucket, DateTimeOffset at);

    /// <summary>The claim ended without an IDENTIFY: the bucket is free now.</summary>
    void Unused(int bucket, DateTimeOffset now);
}
