using Bot.Knowledge;
using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.Options;

namespace Bot.Host.Jobs;

/// <summary>
/// Polls <c>Knowledge:Feeds</c> every <c>Knowledge:PollInterval</c> on the injected clock: each pass polls the
/// feeds that are due (a failing one waits out its backoff), then sleeps until the earliest next attempt.
/// </summary>
internal sealed class FeedPollingService(FeedPoller poller, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<FeedPollingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = options.Value.Feeds.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wake;
            try
            {
                await poller.PollDueAsync(feeds, options.Value.PollInterval, stoppingToken);
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
