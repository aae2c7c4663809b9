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
    ILogger<DigestSchedulerService> logger) : DrainingBackgroundService
{
    private DateTimeOffset _startedAt;

    /// <summary>The start instant is read here: ExecuteAsync runs later on the thread pool, after the clock may have moved.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = time.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = _startedAt;
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
