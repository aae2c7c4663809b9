using Bot.Host.Discord;
using Bot.Host.Discord.Gateway;
using Bot.Host.Hosting;
using Bot.Knowledge.Answering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Support;

/// <summary>
/// The bot's own composition (AddBotCore + AddDiscord, as <c>serve</c> does) on a loopback port,
/// with a fixed answer engine and a fake clock. The Discord layer under test is real.
/// </summary>
internal sealed class DiscordBotHost : IAsyncDisposable
{
    private DiscordBotHost(WebApplication app, FakeTimeProvider time, FixedAnswerEngine engine)
    {
        App = app;
        Time = time;
        Engine = engine;
    }

    public WebApplication App { get; }
    public FakeTimeProvider Time { get; }
    public FixedAnswerEngine Engine { get; }
    public Uri BaseUri { get; private set; } = null!;
    public IServiceProvider Services => App.Services;

    /// <param name="start">Where the fake clock starts; 2026-01-05 10:00 UTC by default.</param>
    public static DiscordBotHost Create(DiscordPeer peer, IDictionary<string, string?>? settings = null, Answer? answer = null, Action<IServiceCollection>? configure = null, DateTimeOffset? start = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-bot-token",
            ["Discord:ApiBaseUrl"] = peer.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        BotHostFactory.ConfigureConfiguration(builder.Configuration, Bot.Tests.Knowledge.Support.TestDatabase.NewPath(), config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddBotCore(builder.Configuration);
        var time = new FakeTimeProvider(start ?? DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var engine = new FixedAnswerEngine(answer ?? FixedAnswerEngine.Sample());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IAnswerEngine>(engine);
        builder.Services.AddDiscord(builder.Configuration);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        HealthEndpoint.Map(app);
        foreach (var mapper in app.Services.GetServices<IEndpointMapper>()) mapper.Map(app);
        // Pin the first-heartbeat jitter so heartbeat timing is exact under the fake clock.
        if (app.Services.GetService<DiscordGatewayClient>() is { } gateway) gateway.Jitter = () => 0.5;
        return new DiscordBotHost(app, time, engine);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken);
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public DiscordGatewayClient Gateway => App.Services.GetRequiredService<DiscordGatewayClient>();
    public DiscordConnectionState State => App.Services.GetRequiredService<DiscordConnectionState>();

    /// <summary>
    /// Moves the fake clock on in small steps until <paramref name="condition"/> completes, for
    /// waits (backoff, op 9's random pause) whose timer may not exist yet when the test gets here.
    /// </summary>
    public async Task AdvanceUntilAsync(Task condition, TimeSpan step, CancellationToken cancellationToken)
    {
        while (!condition.IsCompleted)
        {
            Time.Advance(step);
            await Task.WhenAny(condition, Task.Delay(20, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        await condition;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await App.StopAsync(stop.Token); }
        catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayFatalException) { /* already stopped or failed on purpose */ }
        await App.DisposeAsync();
    }
}
