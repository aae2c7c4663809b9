using System.Collections.Concurrent;
using System.Threading.Channels;
using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord.Interactions;

/// <summary>An acknowledged interaction waiting for its answer.</summary>
internal sealed record InteractionWorkItem(DiscordInteraction Interaction, InteractionPlan Plan);

/// <summary>
/// Acknowledges gateway interactions at once, each on its own (Discord wants the reply within 3 s whatever answers are
/// in progress, and the gateway's read loop must not wait on REST), then queues the answer. The HTTP endpoint
/// acknowledges in its response and queues directly.
/// </summary>
internal sealed class InteractionIntake(
    DiscordInteractionHandler handler,
    InboundQueue<InteractionWorkItem> queue,
    ILogger<InteractionIntake> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _acknowledging = new();

    public void Accept(DiscordInteraction interaction)
    {
        var task = AcknowledgeAsync(interaction);
        _acknowledging.TryAdd(task, 0);
        _ = task.ContinueWith(done => _acknowledging.TryRemove(done, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the acknowledgements in progress (shutdown), so their answers are queued before the queue closes.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => Task.WhenAll(_acknowledging.Keys).WaitAsync(cancellationToken);

    private async Task AcknowledgeAsync(DiscordInteraction interaction)
    {
        await Task.Yield(); // the gateway's read loop goes on at once
        try
        {
            var plan = await handler.AcknowledgeAsync(interaction, CancellationToken.None);
            if (plan is not null) await queue.EnqueueAsync(new InteractionWorkItem(interaction, plan), CancellationToken.None);
        }
        catch (ChannelClosedException)
        {
            DiscordLog.InteractionDroppedOnShutdown(logger, interaction.Id);
        }
        catch (Exception ex)
        {
            DiscordLog.InteractionFailed(logger, interaction.Id, interaction.Data?.Name, ex);
        }
    }
}

/// <summary>Answers acknowledged interactions with <see cref="MaxConcurrentAnswers"/> workers.</summary>
internal sealed class InteractionWorker(
    InboundQueue<InteractionWorkItem> queue,
    InteractionIntake intake,
    DiscordInteractionHandler handler,
    ILogger<InteractionWorker> logger) : InboundWorker<InteractionWorkItem>(queue, MaxConcurrentAnswers)
{
    public const int MaxConcurrentAnswers = 8;

    protected override Task HandleAsync(InteractionWorkItem item, CancellationToken cancellationToken) =>
        handler.CompleteAsync(item.Plan, cancellationToken);

    protected override void OnFailed(InteractionWorkItem item, Exception exception) =>
        DiscordLog.InteractionFailed(logger, item.Interaction.Id, item.Interaction.Data?.Name, exception);

    protected override void OnAbandoned(InteractionWorkItem item) => DiscordLog.InteractionAbandonedOnShutdown(logger, item.Interaction.Id);

    protected override Task BeforeCompleteAsync(CancellationToken cancellationToken) => intake.DrainAsync(cancellationToken);
}
