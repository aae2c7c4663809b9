using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Support;

/// <summary>
/// The bot's web application composed the way <c>serve</c> composes it (configuration, AddBotCore, /health and the
/// endpoint mappers) on Kestrel at 127.0.0.1:0, unstarted. The rigs add the platforms and jobs under test and their
/// test doubles (a fake clock, a recording answer engine) in <c>register</c>.
/// </summary>
internal static class LoopbackBotApp
{
    /// <param name="logs">Where the app logs (from Debug up); null logs nothing.</param>
    /// <param name="register">Runs after AddBotCore, so its registrations win over the defaults.</param>
    public static WebApplication Build(string databasePath, IDictionary<string, string?> settings, ILoggerProvider? logs,
        Action<IServiceCollection, IConfiguration> register)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        BotHostFactory.ConfigureConfiguration(builder.Configuration, databasePath, settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddBotCore(builder.Configuration);
        register(builder.Services, builder.Configuration);

        var app = builder.Build();
        HealthEndpoint.Map(app);
        foreach (var mapper in app.Services.GetServices<IEndpointMapper>()) mapper.Map(app);
        return app;
    }
}
