namespace Bot.Host.State;

/// <summary>
/// The channels' company watches (one per platform, channel and company). LiteDB (one process) and PostgreSQL
/// (shared by every instance) implement it.
/// </summary>
public interface IWatchStore
{
    /// <summary>False when the channel already watches the company (the same <see cref="CompanyWatch.Id"/>).</summary>
    bool TryAdd(CompanyWatch watch);

    bool Remove(string watchId);

    IReadOnlyList<CompanyWatch> InChannel(string platform, string channelId);

    IReadOnlyList<CompanyWatch> All();

    /// <summary>
    /// Records a round's sources as known to the watch (alerted, or claimed by another instance); nothing when it was removed.
    /// </summary>
    void MarkKnown(string watchId, IEnumerable<string> sourceKeys);
}
