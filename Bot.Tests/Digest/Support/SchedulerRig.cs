namespace Bot.Tests.Digest.Support;

/// <summary>
/// One digest scheduler "process" (runner + background service) over a shared knowledge database and fake clock,
/// built from the real classes. Several rigs over one database stand for several instances or a restart.
/// </summary>
internal sealed class SchedulerRig : IAsyncDisposable
{
    private readonly DigestSchedulerService _service;

    public SchedulerRig(KnowledgeDatabase database, FakeTimeProvider time, DigestOptions options, params RecordingPublisher[] publishers)
        : this(database, time, options, new DigestLedger(database, time), new LiteDbDigestSubscriptionStore(database, time), publishers)
    {
    }

    /// <summary>
    /// A rig whose ledger and subscriptions live elsewhere (PostgreSQL); the digest's content still comes from <paramref name="database"/>.
    /// </summary>
    public SchedulerRig(KnowledgeDatabase database, FakeTimeProvider time, DigestOptions options, DigestLedger ledger,
        IDigestSubscriptionStore subscriptions, params RecordingPublisher[] publishers)
    {
        Time = time;
        Logs = new ListLogger();
        var loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        Ledger = ledger;
        var schedule = DigestSchedule.Parse(options.Cron, options.TimeZone);
        var builder = NewsArticle.DigestBuilder(database, time);
        Subscriptions = subscriptions;
        Runner = new DigestRunner(publishers, Ledger, Subscriptions, builder, new DigestRenderer(), schedule, Options.Create(options), time,
            loggers.CreateLogger<DigestRunner>());
        _service = new DigestSchedulerService(Runner, schedule, Options.Create(options), time,
            loggers.CreateLogger<DigestSchedulerService>());
    }

    public FakeTimeProvider Time { get; }
    public ListLogger Logs { get; }
    public DigestLedger Ledger { get; }
    public IDigestSubscriptionStore Subscriptions { get; }
    public DigestRunner Runner { get; }

    public Task StartAsync(CancellationToken cancellationToken) => _service.StartAsync(cancellationToken);

    /// <summary>Stops the service; its in-flight post (if any) is cancelled, as when the process dies.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _service.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _service.StopAsync(stop.Token);
        _service.Dispose();
    }
}
