using System.Threading.Channels;
using Bot.Knowledge.Retrieval;

namespace Bot.Host.Hosting;

/// <summary>
/// On <c>serve</c> over PostgreSQL: keeps this instance's in-memory index current with what other instances ingest. It listens
/// for committed revisions and brings the index up to date at once, rather than at the next question; after a lost
/// connection it reconnects (backing off) and catches up, since changes committed meanwhile were not heard.
/// </summary>
internal sealed class KnowledgeChangeFollower(
    PostgresChangeListener listener, PostgresDocumentStore store, HybridRetriever retriever, TimeProvider time,
    ILogger<KnowledgeChangeFollower> logger)
    : BackgroundService, IHealthReporter
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // Capacity one, newest kept: a burst of revisions costs one refresh.
    private readonly Channel<bool> _stale =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The revision the index reflects after the latest refresh (-1 before the first).</summary>
    public long IndexRevision { get; private set; } = -1;

    /// <summary>Raised after each refresh with the revision the index now reflects.</summary>
    public event Action<long>? Refreshed;

    /// <summary>True while the LISTEN connection is up.</summary>
    public bool Listening { get; private set; }

    public string Name => "knowledgeChanges";

    /// <summary>Degraded while not listening: this instance may answer from an index that misses other instances' articles.</summary>
    public bool IsHealthy => Listening;

    public object Describe() => new { listening = Listening, indexRevision = IndexRevision };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => ListenAsync(stoppingToken), stoppingToken), Task.Run(() => RefreshAsync(stoppingToken), stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await listener.ListenAsync(() =>
                {
                    failures = 0;
                    store.StartFollowing(); // changes committed while nobody listened are caught up here
                    Listening = true;
                    _stale.Writer.TryWrite(true);
                }, revision =>
                {
                    store.Heard(revision);
                    if (revision != IndexRevision) _stale.Writer.TryWrite(true);
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                store.StopFollowing();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                store.StopFollowing();
                Listening = false;
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
                logger.LogWarning("Lost the PostgreSQL change notifications ({Error}); reconnecting in {Delay}", e.Message, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _stale.Reader.WaitToReadAsync(stoppingToken))
            {
                _stale.Reader.TryRead(out _);
                try
                {
                    // The getter rebuilds the index when the store's revision moved on; questions then find it ready.
                    IndexRevision = retriever.Index.Revision;
                    logger.LogInformation("The knowledge index is at revision {Revision}", IndexRevision);
                    Refreshed?.Invoke(IndexRevision);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not bring the index up to date ({Error}); the next question tries again", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
