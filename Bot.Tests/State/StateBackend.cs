using Bot.Knowledge.Storage.Postgres;

namespace Bot.Tests.State;

/// <summary>
/// Where a contract test's stores live. Each call of a factory method stands for one bot instance: over LiteDB all
/// share the one file and the one process's memory (LiteDB is one process); over PostgreSQL each call opens its own
/// <see cref="PostgresDatabase"/> (its own connection pool) on the test's database, as a second process would.
/// </summary>
public abstract class StateBackend : IAsyncDisposable
{
    public abstract bool SharedAcrossProcesses { get; }

    public abstract IDeliveryLedger DeliveryLedger(TimeProvider time, string name = DigestLedger.CollectionName);
    public abstract IDigestSubscriptionStore Subscriptions(TimeProvider time);
    public abstract IWatchStore Watches();
    public abstract IAnswerFeedbackStore Feedback(ChatOptions options, TimeProvider time);
    public abstract IConversationMemory Memory(TimeProvider time);
    public abstract IUserRateLimiter RateLimiter(ChatOptions options, TimeProvider time);
    public abstract IInboundDeduplicator Deduplicator(TimeProvider time);

    public abstract ValueTask DisposeAsync();

    public static Task<StateBackend> LiteDbAsync() => Task.FromResult<StateBackend>(new LiteDb());

    public static async Task<StateBackend> PostgresAsync() => new Postgres(await PostgresTestDatabase.CreateAsync());

    private sealed class LiteDb : StateBackend
    {
        private readonly string _path = TestDatabase.NewPath();
        private readonly KnowledgeDatabase _database;
        // One process: the in-memory stores are one object however many "instances" ask.
        private LiteDbAnswerFeedbackStore? _feedback;
        private InMemoryConversationMemory? _memory;
        private InMemoryUserRateLimiter? _limiter;
        private InMemoryInboundDeduplicator? _deduplicator;

        public LiteDb() => _database = KnowledgeDatabase.Open(_path);

        public override bool SharedAcrossProcesses => false;
        public override IDeliveryLedger DeliveryLedger(TimeProvider time, string name) => new LiteDbDeliveryLedger(_database, time, name);
        public override IDigestSubscriptionStore Subscriptions(TimeProvider time) => new LiteDbDigestSubscriptionStore(_database, time);
        public override IWatchStore Watches() => new LiteDbWatchStore(_database);
        public override IAnswerFeedbackStore Feedback(ChatOptions options, TimeProvider time) =>
            _feedback ??= new LiteDbAnswerFeedbackStore(_database, Options.Create(options), time);
        public override IConversationMemory Memory(TimeProvider time) => _memory ??= new InMemoryConversationMemory();
        public override IUserRateLimiter RateLimiter(ChatOptions options, TimeProvider time) =>
            _limiter ??= new InMemoryUserRateLimiter(Options.Create(options), time);
        public override IInboundDeduplicator Deduplicator(TimeProvider time) => _deduplicator ??= new InMemoryInboundDeduplicator(time);

        public override ValueTask DisposeAsync()
        {
            _database.Dispose();
            try { Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true); } catch (IOException) { }
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Postgres(PostgresTestDatabase test) : StateBackend
    {
        private readonly List<PostgresDatabase> _opened = [];

        public override bool SharedAcrossProcesses => true;
        public override IDeliveryLedger DeliveryLedger(TimeProvider time, string name) => new PostgresDeliveryLedger(Open(), time, name);
        public override IDigestSubscriptionStore Subscriptions(TimeProvider time) => new PostgresDigestSubscriptionStore(Open(), time);
        public override IWatchStore Watches() => new PostgresWatchStore(Open());
        public override IAnswerFeedbackStore Feedback(ChatOptions options, TimeProvider time) =>
            new PostgresAnswerFeedbackStore(Open(), Options.Create(options), time);
        public override IConversationMemory Memory(TimeProvider time) => new PostgresConversationMemory(Open(), time);
        public override IUserRateLimiter RateLimiter(ChatOptions options, TimeProvider time) =>
            new PostgresUserRateLimiter(Open(), Options.Create(options), time);
        public override IInboundDeduplicator Deduplicator(TimeProvider time) => new PostgresInboundDeduplicator(Open(), time);

        /// <summary>A second process's view of the database: a data source (and pool) of its own.</summary>
        public PostgresDatabase Open()
        {
            var database = new PostgresDatabase(test.ConnectionString);
            lock (_opened) _opened.Add(database);
            return database;
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var database in _opened) await database.DisposeAsync();
            await test.DisposeAsync();
        }
    }
}

/// <summary>The base of the contract tests: the same test body runs once per backend (a subclass each).</summary>
public abstract class StateContract : IAsyncLifetime
{
    private StateBackend? _backend;

    protected static DateTimeOffset Start { get; } =
        TestTime.Utc("2026-11-30T09:00:00Z");

    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Time { get; } = new(Start);

    protected StateBackend Backend => _backend ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<StateBackend> OpenAsync();

    public async ValueTask InitializeAsync() => _backend = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (_backend is not null) await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="racers"/> on threads of their own released at once; returns each one's result.</summary>
    protected static async Task<T[]> RaceAsync<T>(IReadOnlyList<Func<T>> racers)
    {
        using var start = new Barrier(racers.Count);
        var tasks = racers.Select(racer => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return racer();
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return await Task.WhenAll(tasks);
    }
}
