using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Bot.Host.Slack;

namespace Bot.Tests.Slack.Support;

/// <summary>
/// The bot as <c>serve</c> builds it (configuration, <see cref="BotHostFactory.AddBotCore"/>, AddSlack,
/// endpoint mappers, /health) on Kestrel at 127.0.0.1:0, with a fake clock and a recording answer engine.
/// </summary>
internal sealed class SlackBotHost : IAsyncDisposable
{
    private SlackBotHost(WebApplication app, FakeTimeProvider clock, RecordingAnswerEngine engine, ListLogger logs)
    {
        App = app;
        Clock = clock;
        Engine = engine;
        Logs = logs;
    }

    public WebApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingAnswerEngine Engine { get; }
    public ListLogger Logs { get; }
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
        ILoggerProvider logs, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        BotHostFactory.ConfigureConfiguration(builder.Configuration, Bot.Tests.Knowledge.Support.TestDatabase.NewPath(), settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(engine);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        HealthEndpoint.Map(app);
        foreach (var mapper in app.Services.GetServices<IEndpointMapper>()) mapper.Map(app);
        return app;
    }

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
