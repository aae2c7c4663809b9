namespace Bot.Tests.Discord.Support;

/// <summary>
/// The bot's own composition (AddBotCore + AddDiscord, as <c>serve</c> does) on a loopback port,
/// with a fixed answer engine and a fake clock. The Discord layer under test is real.
/// </summary>
internal sealed class DiscordBotHost(WebApplication app, WatchedClock time, RecordingAnswerEngine engine) : IAsyncDisposable
{
    public WebApplication App { get; } = app;
    public WatchedClock Time { get; } = time;
    public RecordingAnswerEngine Engine { get; } = engine;
    public Uri BaseUri { get; private set; } = null!;
    public IServiceProvider Services => App.Services;

    /// <param name="start">Where the fake clock starts; 2026-01-05 10:00 UTC by default.</param>
    public static DiscordBotHost Create(DiscordPeer peer, IDictionary<string, string?>? settings = null, Answer? answer = null,
        Action<IServiceCollection>? configure = null, DateTimeOffset? start = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-bot-token",
            ["Discord:ApiBaseUrl"] = peer.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var time = start is { } at ? new WatchedClock(at) : new WatchedClock();
        var engine = new RecordingAnswerEngine(answer ?? RecordingAnswerEngine.Sample());
        var app = LoopbackBotApp.Build(TestDatabase.NewPath(), config, logs: null, (services, configuration) =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IAnswerEngine>(engine);
            services.AddDiscord(configuration);
            configure?.Invoke(services);
        });
        // Pin the first-heartbeat jitter so heartbeat timing is exact under the fake clock.
        if (app.Services.GetService<DiscordGatewayClient>() is { } gateway) gateway.Jitter = () => 0.5;
        return new DiscordBotHost(app, time, engine);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken);
        BaseUri = LoopbackServer.AddressOf(App);
    }

    /// <summary>
    /// Starts the host for a test whose gateway fails fatally, and returns that failure once the connection state says
    /// Failed. The failure may stop the host before its listener finished starting, which is then no error.
    /// </summary>
    public async Task<DiscordGatewayFatalException> StartToFailAsync(CancellationToken cancellationToken)
    {
        try { await StartAsync(cancellationToken); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The fatal error stopped the host before its listener finished starting.
        }
        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => Gateway.ExecuteTask!.WaitAsync(cancellationToken));
        Assert.Equal(DiscordConnectionStatus.Failed, State.Status);
        return error;
    }

    public DiscordGatewayClient Gateway => App.Services.GetRequiredService<DiscordGatewayClient>();
    public DiscordConnectionState State => App.Services.GetRequiredService<DiscordConnectionState>();

    /// <summary>
    /// Moves the fake clock on in small steps until <paramref name="condition"/> completes, for
    /// waits (backoff, op 9's random pause) whose timer may not exist yet when the test gets here.
    /// </summary>
    public Task<TimeSpan> AdvanceUntilAsync(Task condition, TimeSpan step, CancellationToken cancellationToken) =>
        Wait.AdvanceUntilAsync(Time, condition, step, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await App.StopAsync(stop.Token); }
        catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayFatalException)
            { /* already stopped or failed on purpose */ }
        await App.DisposeAsync();
    }
}
