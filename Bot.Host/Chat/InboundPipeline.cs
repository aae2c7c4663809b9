using System.Threading.Channels;

namespace Bot.Host.Chat;

/// <summary>
/// "Acknowledge fast, answer later", one design for every platform: the edge acknowledges (a socket ack, an HTTP 200,
/// Discord's deferred reply) and enqueues here; <see cref="InboundWorker{T}"/> answers. Bounded, so a flood waits
/// (a socket read loop, <see cref="EnqueueAsync"/>) or is refused (an HTTP endpoint answers 503 when
/// <see cref="TryEnqueue"/> says no) instead of growing memory.
/// </summary>
public sealed class InboundQueue<T>(int capacity = InboundQueue<T>.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly Channel<T> _channel =
        Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Waits for room; throws <see cref="ChannelClosedException"/> once shutdown has begun.</summary>
    public ValueTask EnqueueAsync(T item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);

    /// <summary>False when the queue is full or shutdown has begun.</summary>
    public bool TryEnqueue(T item) => _channel.Writer.TryWrite(item);

    /// <summary>No more items: the workers finish what is queued, then stop.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}

/// <summary>
/// Answers what an <see cref="InboundQueue{T}"/> holds with a fixed number of workers; one failing item is logged and
/// the others go on. On shutdown the queue closes, queued and in-flight items finish (each bounded by the chat answer
/// timeout), and those still running when the host's shutdown timeout expires are cancelled.
/// </summary>
public abstract class InboundWorker<T>(InboundQueue<T> queue, int workers) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Answers one acknowledged item.</summary>
    protected abstract Task HandleAsync(T item, CancellationToken cancellationToken);

    /// <summary>The boundary for one item: log it with what identifies it.</summary>
    protected abstract void OnFailed(T item, Exception exception);

    /// <summary>The item was cancelled because the shutdown timeout expired.</summary>
    protected virtual void OnAbandoned(T item) { }

    /// <summary>Runs before the queue closes on shutdown, e.g. to let acknowledgements still in progress enqueue.</summary>
    protected virtual Task BeforeCompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers)).Select(_ => ConsumeAsync()));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Work still running when the host's shutdown timeout expires is abandoned.
        await using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        try { await BeforeCompleteAsync(cancellationToken); }
        finally { queue.Complete(); }
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task ConsumeAsync()
    {
        await Task.Yield(); // the workers start side by side, not one inside the other's first await
        // Not the stopping token: reading ends when StopAsync closes the queue, so queued work drains.
        await foreach (var item in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try { await HandleAsync(item, _abort.Token); }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested) { OnAbandoned(item); }
            catch (Exception ex) { OnFailed(item, ex); }
        }
    }
}
