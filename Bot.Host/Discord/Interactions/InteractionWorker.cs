namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Owns the answering of interactions: acknowledges each promptly, then completes up to
/// <see cref="MaxConcurrentAnswers"/> at once. On shutdown the queue closes and in-flight answers
/// finish (each is bounded by the chat answer timeout) unless the host's shutdown timeout ends first.
/// </summary>
internal sealed class InteractionWorker(
    InteractionQueue queue,
    DiscordInteractionHandler handler,
    ILogger<InteractionWorker> logger) : BackgroundService
{
    public const int MaxConcurrentAnswers = 8;
    private readonly SemaphoreSlim _answerSlots = new(MaxConcurrentAnswers, MaxConcurrentAnswers);
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        // Not stoppingToken: reading ends when StopAsync closes the queue, so queued work drains.
        await foreach (var item in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(ProcessAsync(item, _abort.Token));
        }
        await Task.WhenAll(inFlight);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        // Answers still running when the host's shutdown timeout expires are abandoned.
        await using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        _answerSlots.Dispose();
        base.Dispose();
    }

    private async Task ProcessAsync(InteractionWorkItem item, CancellationToken cancellationToken)
    {
        await Task.Yield(); // let the read loop take the next interaction while this one works
        try
        {
            var plan = item.Plan ?? await handler.AcknowledgeAsync(item.Interaction, cancellationToken);
            if (plan is null) return;
            await _answerSlots.WaitAsync(cancellationToken);
            try { await handler.CompleteAsync(plan, cancellationToken); }
            finally { _answerSlots.Release(); }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DiscordLog.InteractionAbandonedOnShutdown(logger, item.Interaction.Id);
        }
        catch (Exception ex)
        {
            // The boundary for one interaction: logged with its id, the worker carries on.
            DiscordLog.InteractionFailed(logger, item.Interaction.Id, item.Interaction.Data?.Name, ex);
        }
    }
}
