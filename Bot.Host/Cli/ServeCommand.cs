using Bot.Host.Platforms;
using System.CommandLine;
using Bot.Host.Jobs;

namespace Bot.Host.Cli;

/// <summary><c>serve</c>: the long-running bot: chat platforms, background jobs and the HTTP listener.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
            { Description = "Listen address(es), default http://127.0.0.1:8080 (or the Urls setting)." };
        var command = new Command("serve", "Run the bot: enabled chat platforms, scheduled jobs and GET /health.") { urls };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(BotCommandLine.DbOption), parse.GetValue(urls), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? db, string? urls, CancellationToken cancellationToken)
    {
        await using var app = BuildApp(db, urls, new Dictionary<string, string?>());
        // Validated here rather than by the host's start, which would log the failure and rethrow it (printed twice).
        app.Services.GetService<IStartupValidator>()?.Validate();
        // Opened before anything starts, so a LiteDB file another process holds stops serve cleanly (exit code 3),
        // and an unreachable PostgreSQL database stops it with one line.
        app.Services.GetRequiredService<Bot.Knowledge.Storage.IDocumentStore>();
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>Builds the serve host; tests call this with their own settings and loopback URLs.</summary>
    public static WebApplication BuildApp(string? db, string? urls, IDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        BotHostFactory.ConfigureConfiguration(builder.Configuration, db, overrides);
        builder.WebHost.UseUrls(urls ?? builder.Configuration["Urls"] ?? "http://127.0.0.1:8080");
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddSingleton<IHealthReporter, KnowledgeHealthReporter>();
        builder.Services.AddHostedService<KnowledgeSeedingService>();
        builder.Services.AddKnowledgeChangeFollowing(builder.Configuration);
        // Platforms and jobs register here, each only when its settings are present.
        builder.Services.AddChatPlatforms(builder.Configuration);
        builder.Services.AddDigest(builder.Configuration); // after the platforms: it runs when one can post
        builder.Services.AddFeedPolling(builder.Configuration);

        var app = builder.Build();
        HealthEndpoint.Map(app);
        foreach (var mapper in app.Services.GetServices<IEndpointMapper>()) mapper.Map(app);
        return app;
    }
}
