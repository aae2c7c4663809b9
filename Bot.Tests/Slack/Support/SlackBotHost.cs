namespace Bot.Tests.Slack.Support;

/// <summary>
/// The bot as <c>serve</c> builds it (configuration, <see cref="BotHostFactory.AddBotCore"/>, AddSlack,
/// endpoint mappers, /health) on Kestrel at 127.0.0.1:0, with a fake clock and a recording answer engine.
/// </summary>
internal sealed class SlackBotHost(WebApplication app, FakeTimeProvider clock, RecordingAnswerEngine engine, ListLogger logs)
    : IAsyncDisposable
{
    public WebApplication App { get; } = app;
    public FakeTimeProvider Clock { get; } = clock;
    public RecordingAnswerEngine Engine { get; } = engine;
    public ListLogger Logs { get; } = logs;
    public HttpClient Http { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public static Dictionary<string, string?> SocketSettings(SlackPeer peer) => new()
    {
        ["Slack:BotToken"] = "xoxb-TEST",
        ["Slack:AppToken"] = "xapp-test-app-token",
        ["Slack:ApiBaseUrl"] = peer.ApiBaseUrl,
        ["Slack:AnswerConcurrency"] = "1", // keeps the order of answers deterministic for the tests
        ["Chat:QuestionsPerMinute"] = "100",
    };

    public static async Task<SlackBotHost> StartAsync(
        IDictionary<string, string?> settings, FakeTimeProvider clock, CancellationToken cancellationToken,
        Action<IServiceCollection>? configure = null)
    {
        var engine = new RecordingAnswerEngine();
        var logs = new ListLogger();
        var app = Build(settings, clock, engine, logs, configure);
        await app.StartAsync(cancellationToken);
        var host = new SlackBotHost(app, clock, engine, logs)
        {
            BaseUrl = LoopbackServer.AddressOf(app).ToString(),
        };
        return host;
    }

    /// <summary>The unstarted application, built the way <c>serve</c> builds it plus the test doubles.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, TimeProvider clock, IAnswerEngine engine,
        ILoggerProvider logs, Action<IServiceCollection>? configure = null) =>
        LoopbackBotApp.Build(TestDatabase.NewPath(), settings, logs, (services, configuration) =>
        {
            services.AddSlack(configuration);
            services.AddSingleton(clock);
            services.AddSingleton(engine);
            configure?.Invoke(services);
        });

    /// <summary>
    /// Advances the fake clock in small steps until <paramref name="task"/> completes, for work that waits
    /// on the clock (Retry-After, backoff, pacing). Returns how much fake time passed.
    /// </summary>
    public Task<TimeSpan> AdvanceUntilAsync(Task task, TimeSpan step, CancellationToken cancellationToken) =>
        Wait.AdvanceUntilAsync(Clock, task, step, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
