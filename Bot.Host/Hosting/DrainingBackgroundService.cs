namespace Bot.Host.Hosting;

/// <summary>
/// A background service that writes to the knowledge base. Disposed without having been stopped (a host disposed
/// before <c>StopAsync</c>, as tools and tests do), it still cancels its work and waits a while for it to end: the
/// container closes the database right after it, and LiteDB leaves a transaction cut off by the close to the
/// finalizer, whose failure ends the process ("discarded page must be writable", seen in the test suite).
/// </summary>
public abstract class DrainingBackgroundService : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public override void Dispose()
    {
        base.Dispose(); // cancels the stopping token
        try
        {
            ExecuteTask?.Wait(DrainTimeout);
        }
        catch (AggregateException)
        {
            // How the work ended is the host's to report; disposal only waits for it to end.
        }
        GC.SuppressFinalize(this);
    }
}
