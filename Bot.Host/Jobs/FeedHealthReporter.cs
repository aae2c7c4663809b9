namespace Bot.Host.Jobs;

/// <summary>
/// The <c>feeds</c> (RSS) or <c>dataFeeds</c> (CSV tables) entry of <c>/health</c>: each URL's last outcome, failures
/// in a row, last error and next attempt; unhealthy while any fails.
/// </summary>
internal sealed class FeedHealthReporter(string name, IUrlPoller poller, Func<KnowledgeOptions, IEnumerable<string>> urls,
    IOptions<KnowledgeOptions> options) : IHealthReporter
{
    public string Name => name;

    public bool IsHealthy => States().All(s => s.ConsecutiveFailures == 0);

    public object Describe() => new
    {
        feeds = States().Select(s => new
        {
            url = s.Url,
            status = s.LastOutcome ?? "pending",
            consecutiveFailures = s.ConsecutiveFailures,
            lastError = s.LastError,
            lastSuccessAt = s.LastSuccessAt is { } success ? DateTime.SpecifyKind(success.ToUniversalTime(), DateTimeKind.Utc)
                : (DateTime?)null,
            nextAttemptAt = s.NextAttemptAt == DateTime.MinValue ? (DateTime?)null
                : DateTime.SpecifyKind(s.NextAttemptAt.ToUniversalTime(), DateTimeKind.Utc),
            lastNewItems = s.LastNewItems,
        }).ToList(),
    };

    private IReadOnlyList<FeedState> States() => poller.States(FeedPollingService.Configured(urls(options.Value)));
}
