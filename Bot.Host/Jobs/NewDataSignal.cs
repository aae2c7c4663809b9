namespace Bot.Host.Jobs;

/// <summary>
/// Raised when polling stored something new (feed articles, table rows), so the watch alerts look at once instead of
/// at their next tick: a new round then reaches the channels in the same poll interval it was fetched in.
/// </summary>
internal sealed class NewDataSignal
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public void Raise()
    {
        // One pending signal is enough: the pass that takes it sees everything stored so far.
        try { _raised.Release(); }
        catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _raised.WaitAsync(cancellationToken);
}
