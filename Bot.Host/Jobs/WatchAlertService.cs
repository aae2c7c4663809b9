namespace Bot.Host.Jobs;

/// <summary>
/// Runs the watch alerts every <c>Knowledge:PollInterval</c> on the injected clock, and at once when polling stored
/// something new (<see cref="NewDataSignal"/>), so a round that arrives (a new data row, an ingested article stating a
/// figure) reaches the watching channels within one poll interval.
/// </summary>
internal sealed class WatchAlertService(WatchAlertRunner runner, NewDataSignal newData, IOptions<KnowledgeOptions> options,
    TimeProvider time, ILogger<WatchAlertService> logger)
    : DrainingBackgroundService
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
        runner.ResolveAbandonedClaims(_startedAt);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = time.GetUtcNow() + options.Value.PollInterval;
            try
            {
                await runner.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                wake = time.GetUtcNow() + ClockWait.Slice;
                WatchLog.PassFailed(logger, wake, ex);
            }
            using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var waits = new[] { ClockWait.UntilAsync(time, wake, woken.Token), newData.WaitAsync(woken.Token) };
            await Task.WhenAny(waits);
            await woken.CancelAsync();
            try { await Task.WhenAll(waits); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { } // the other wait, cancelled
        }
    }
}
