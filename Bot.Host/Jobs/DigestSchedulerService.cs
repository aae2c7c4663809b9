using Bot.Knowledge.Digest;
using Microsoft.Extensions.Options;

namespace Bot.Host.Jobs;

/// <summary>
/// Runs the digest job: on start resolves claims a crashed process left, then loops: post what is due, wait on
/// the injected clock until the next fire time. A failing pass is logged and tried again a minute later.
/// </summary>
internal sealed class DigestSchedulerService(
    DigestRunner runner,
    DigestSchedule schedule,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        runner.ResolveAbandonedClaims(startedAt);
        JobsLog.SchedulerStarted(logger, options.Value.Cron, schedule.Zone.Id, runner.Targets.Count, schedule.Next(startedAt));
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wake;
            try
            {
                wake = await runner.RunDueAsync(startedAt, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                wake = time.GetUtcNow() + ClockWait.Slice;
                JobsLog.SchedulerPassFailed(logger, wake, ex);
            }
            if (wake == DateTimeOffset.MaxValue) return; // no channel, or a cron that never fires again
            await ClockWait.UntilAsync(time, wake, stoppingToken);
        }
    }
}
