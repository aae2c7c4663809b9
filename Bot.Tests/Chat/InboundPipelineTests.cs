using System.Collections.Concurrent;

namespace Bot.Tests.Chat;

/// <summary>The one inbound pipeline of both platforms: a bounded queue and N workers, driven by signals only.</summary>
public sealed class InboundPipelineTests
{
    [Fact]
    public async Task N_workers_answer_side_by_side_and_the_next_item_waits_for_one_of_them()
    {
        var ct = Wait.Token();
        var queue = new InboundQueue<int>();
        using var worker = new GatedWorker(queue, workers: 2);
        await worker.StartAsync(ct);

        for (var i = 1; i <= 3; i++) Assert.True(queue.TryEnqueue(i));
        await worker.Started(1).WaitAsync(ct);
        await worker.Started(2).WaitAsync(ct);
        Assert.False(worker.Started(3).IsCompleted); // both workers are busy: nothing else could have taken it

        worker.Release(1);
        await worker.Started(3).WaitAsync(ct);
        worker.Release(2);
        worker.Release(3);
        await worker.StopAsync(ct);
        Assert.Equal([1, 2, 3], worker.Done.Order());
    }

    [Fact]
    public async Task A_full_queue_refuses_instead_of_growing()
    {
        var queue = new InboundQueue<int>(capacity: 2);
        Assert.True(queue.TryEnqueue(1));
        Assert.True(queue.TryEnqueue(2));
        Assert.False(queue.TryEnqueue(3));
        var waiting = queue.EnqueueAsync(4, TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted); // a socket read loop waits for room

        Assert.True(queue.Reader.TryRead(out _));
        await waiting.WaitAsync(Wait.Token());
    }

    [Fact]
    public async Task A_failing_item_is_reported_and_the_worker_goes_on_and_shutdown_drains_the_queue()
    {
        var ct = Wait.Token();
        var queue = new InboundQueue<int>();
        using var worker = new GatedWorker(queue, workers: 1) { FailOn = 1 };
        await worker.StartAsync(ct);
        Assert.True(queue.TryEnqueue(1));
        Assert.True(queue.TryEnqueue(2));
        await worker.Started(1).WaitAsync(ct); // the one worker holds 1; 2 is still queued

        var stopping = worker.StopAsync(ct); // closes the queue, then waits for what it holds
        Assert.False(queue.TryEnqueue(3));
        worker.Release(1);
        worker.Release(2);
        await stopping;
        Assert.Equal([1], worker.Failed);
        Assert.Equal([2], worker.Done);
    }

    /// <summary>Each item waits for the test to release it; records what started, finished and failed.</summary>
    private sealed class GatedWorker(InboundQueue<int> queue, int workers) : InboundWorker<int>(queue, workers)
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _started = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _released = new();

        public int? FailOn { get; init; }
        public ConcurrentQueue<int> Done { get; } = new();
        public ConcurrentQueue<int> Failed { get; } = new();

        public Task Started(int item) => Signal(_started, item).Task;
        public void Release(int item) => Signal(_released, item).TrySetResult();

        protected override async Task HandleAsync(int item, CancellationToken cancellationToken)
        {
            Signal(_started, item).TrySetResult();
            await Signal(_released, item).Task.WaitAsync(cancellationToken);
            if (item == FailOn) throw new InvalidOperationException("boom");
            Done.Enqueue(item);
        }

        protected override void OnFailed(int item, Exception exception) => Failed.Enqueue(item);

        private static TaskCompletionSource Signal(ConcurrentDictionary<int, TaskCompletionSource> signals, int item) =>
            signals.GetOrAdd(item, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
