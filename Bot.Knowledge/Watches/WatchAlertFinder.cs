namespace Bot.Knowledge.Watches;

/// <summary>
/// The rounds a watch has not heard of: rounds of the company none of whose sources the watch knows. Rounds that
/// ended long before the watch was added are history being filled in (a table imported later), not news.
/// </summary>
public sealed class WatchAlertFinder(LayoffDataQueries queries)
{
    public const int HistoryDays = 30;

    public IReadOnlyList<WatchAlert> Due(CompanyWatch watch)
    {
        var known = watch.KnownSources.ToHashSet(StringComparer.Ordinal);
        var since = DateOnly.FromDateTime(watch.AddedAt.ToUniversalTime()).AddDays(-HistoryDays);
        return queries.Timeline(watch.Company, since, includeWarn: false)
            .Where(round => round.End >= since && !RoundSources.Keys(round).Any(known.Contains))
            .Select(round => new WatchAlert(watch, round))
            .ToList();
    }
}
