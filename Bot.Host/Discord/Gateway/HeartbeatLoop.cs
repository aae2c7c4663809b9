namespace Bot.Host.Discord.Gateway;

/// <summary>
/// Heartbeats for one connection: the first after <c>interval × jitter</c>, then every interval
/// (protocols.md §1.3). <see cref="RunAsync"/> completes only when a heartbeat went unacknowledged
/// until the next was due: the connection is a zombie and must be replaced.
/// </summary>
internal sealed class HeartbeatLoop(TimeSpan interval, TimeProvider time, Func<double> jitter, Func<CancellationToken, Task> sendHeartbeat)
{
    private int _awaitingAck;
    private long _sentAtTimestamp;

    public TimeSpan Interval { get; } = interval;
    /// <summary>Round trip of the last acknowledged heartbeat.</summary>
    public TimeSpan? Latency { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Beats are due on a fixed cadence from the start, so time spent sending never makes them drift.
        var due = time.GetUtcNow() + Interval * Math.Clamp(jitter(), 0, 1);
        await DelayUntilAsync(due, cancellationToken);
        while (true)
        {
            if (Volatile.Read(ref _awaitingAck) == 1) return; // no ACK since the last beat: zombied
            await BeatAsync(cancellationToken);
            due += Interval;
            await DelayUntilAsync(due, cancellationToken);
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }

    /// <summary>The gateway asked for a heartbeat (op 1): send one at once.</summary>
    public Task BeatNowAsync(CancellationToken cancellationToken) => BeatAsync(cancellationToken);

    public void AckReceived()
    {
        if (Interlocked.Exchange(ref _awaitingAck, 0) == 1)
            Latency = time.GetElapsedTime(Interlocked.Read(ref _sentAtTimestamp));
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _sentAtTimestamp, time.GetTimestamp());
        Volatile.Write(ref _awaitingAck, 1);
        await sendHeartbeat(cancellationToken);
    }
}
