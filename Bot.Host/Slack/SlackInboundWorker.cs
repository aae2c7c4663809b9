using Microsoft.Extensions.Options;

namespace Bot.Host.Slack;

/// <summary>
/// Owns the answering loops: <see cref="SlackOptions.AnswerConcurrency"/> consumers read the queue,
/// and one failing item is logged without stopping the others.
/// </summary>
internal sealed class SlackInboundWorker(
    SlackInboundQueue queue,
    SlackInboundDispatcher dispatcher,
    IOptions<SlackOptions> options,
    ILogger<SlackInboundWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.AnswerConcurrency)).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try { await dispatcher.DispatchAsync(item, stoppingToken); }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    SlackLog.WorkFailed(logger, ex, item.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
