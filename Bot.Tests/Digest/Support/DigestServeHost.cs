using Bot.Host.Platforms;
using Microsoft.AspNetCore.Hosting;

namespace Bot.Tests.Digest.Support;

/// <summary>
/// The <c>serve</c> composition (AddBotCore, AddChatPlatforms, AddDigest, AddFeedPolling, as ServeCommand.BuildApp adds them)
/// on a loopback port with a fake clock and a log recorder; the database path is the test's own.
/// </summary>
internal static class DigestServeHost
{
    public static WebApplication Build(string databasePath, IDictionary<string, string?> settings, FakeTimeProvider time, ListLogger logs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        BotHostFactory.ConfigureConfiguration(builder.Configuration, databasePath, settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddChatPlatforms(builder.Configuration);
        builder.Services.AddDigest(builder.Configuration);
        builder.Services.AddFeedPolling(builder.Configuration);
        var app = builder.Build();
        HealthEndpoint.Map(app);
        foreach (var mapper in app.Services.GetServices<IEndpointMapper>()) mapper.Map(app);
        return app;
    }
}
