using Bot.Host.Jobs;

namespace Bot.Host.Hosting;

/// <summary>
/// Builds the configuration and service container shared by every command (CLI verbs and <c>serve</c>),
/// so the CLI and the chat platforms answer with the same components.
/// </summary>
internal static class BotHostFactory
{
    /// <summary>What <c>ask</c> ingests into an empty knowledge base before any configured <c>Knowledge:SeedPaths</c>.</summary>
    public static readonly string[] DefaultSeedPaths =
        ["../shared/data/articles", "../shared/data/layoffs_fyi.csv", "../shared/data/layoffs_fyi_2025_2026_recent.csv",
            "../shared/data/warn_notices"];

    /// <summary>appsettings.json (next to the binary, then the working directory), environment variables, then overrides.</summary>
    public static void ConfigureConfiguration(IConfigurationManager configuration, string? dbPath, IDictionary<string,
        string?>? overrides = null)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        var extra = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        if (!string.IsNullOrWhiteSpace(dbPath)) extra["Knowledge:DatabasePath"] = dbPath;
        if (extra.Count > 0) configuration.AddInMemoryCollection(extra);
    }

    /// <summary>The full path of the knowledge base a command with <paramref name="dbPath"/> (the --db option) opens.</summary>
    public static string DatabasePath(string? dbPath)
    {
        var configuration = new ConfigurationManager();
        ConfigureConfiguration(configuration, dbPath);
        return Path.GetFullPath(configuration[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.DatabasePath)}"] is { Length: > 0 }
            configured ? configured : new KnowledgeOptions().DatabasePath);
    }

    /// <summary>A host for one CLI verb: the same services as <c>serve</c>, logging only warnings to stderr.</summary>
    public static IHost CreateCliHost(string? dbPath, IDictionary<string, string?>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            { Args = [], DisableDefaults = true });
        ConfigureConfiguration(builder.Configuration, dbPath, overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o
            => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddBotCore(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Services every command needs: the knowledge base, answering and the neutral chat core.</summary>
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddKnowledge(configuration);
        // The checkout's shared data seeds first (a configured list adds to it, as the binder extends an array), and
        // relative seed paths resolve from the repository root, wherever the command was started.
        services.PostConfigure<KnowledgeOptions>(o =>
            o.SeedPaths = [.. DefaultSeedPaths.Concat(o.SeedPaths).Select(RepositoryPaths.Resolve)]);
        if (LlmHealthReporter.IsConfigured(configuration)) services.AddSingleton<IHealthReporter, LlmHealthReporter>();
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.SectionName));
        services.AddSingleton<ChatService>();
        services.AddSingleton<WatchCommand>();
        services.AddSingleton<DigestSubscriptionCommand>();
        services.AddSingleton<IChatCommandHandler, ChatCommandHandler>();
        services.AddSingleton<CompanyNameSuggester>();
        services.AddSingleton<ChatActionHandler>();
        services.AddSingleton<IHealthReporter, FeedbackHealthReporter>();
        services.AddSharedState();
        services.AddDigestContent(configuration);
        services.AddSingleton<Evaluation.EvalGrader>();
        services.AddSingleton<Evaluation.EvalRunner>();
        return services;
    }
}
