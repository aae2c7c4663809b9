namespace Bot.Host.Jobs;

/// <summary>
/// Polls a list of URLs (<c>Knowledge:Feeds</c>, <c>Knowledge:DataFeeds</c>) every <c>Knowledge:PollInterval</c> on the
/// injected clock: each pass polls the URLs that are due (a failing one waits out its backoff), then sleeps until the
/// earliest next attempt.
/// </summary>
internal sealed class FeedPollingService(IUrlPoller poller, Func<KnowledgeOptions, IEnumerable<string>> urls,
    IOptions<KnowledgeOptions> options, TimeProvider time,
    ILogger<FeedPollingService> logger, NewDataSignal? newData = null)
    : DrainingBackgroundService
{
    /// <summary>The configured URLs of one kind, trimmed and without repeats.</summary>
    public static List<string> Configured(IEnumerable<string> urls) =>
        urls.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = Configured(urls(options.Value));
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wake;
            try
            {
                var results = await poller.PollDueAsync(feeds, options.Value.PollInterval, stoppingToken);
                if (results.Any(r => r.NewItems > 0)) newData?.Raise();
                wake = poller.NextAttempt(feeds);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                wake = time.GetUtcNow() + ClockWait.Slice;
                JobsLog.FeedPassFailed(logger, wake, ex);
            }
            await ClockWait.UntilAsync(time, wake, stoppingToken);
        }
    }
}
