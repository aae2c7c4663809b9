namespace Bot.Host.Slack;

/// <summary>Answers acknowledged Slack work with <see cref="SlackOptions.AnswerConcurrency"/> workers.</summary>
internal sealed class SlackInboundWorker(
    InboundQueue<SlackInbound> queue,
    SlackInboundDispatcher dispatcher,
    IOptions<SlackOptions> options,
    ILogger<SlackInboundWorker> logger) : InboundWorker<SlackInbound>(queue, options.Value.AnswerConcurrency)
{
    protected override Task HandleAsync(SlackInbound item, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(item, cancellationToken);

    protected override void OnFailed(SlackInbound item, Exception exception) => SlackLog.WorkFailed(logger, exception, item.Kind);
}
