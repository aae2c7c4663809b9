namespace Bot.Host.Jobs;

public static class FeedPollingServiceCollectionExtensions
{
    /// <summary>
    /// Feed and table polling for <c>serve</c>, when <c>Knowledge:Feeds</c> or <c>Knowledge:DataFeeds</c> list URLs: a
    /// polling service and a /health entry for each list. New data wakes the watch alerts (<see cref="NewDataSignal"/>).
    /// </summary>
    public static IServiceCollection AddFeedPolling(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<NewDataSignal>();
        services.AddOptions<KnowledgeOptions>()
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Knowledge:PollInterval must be a positive time span, e.g. 00:30:00.")
            .Validate(o => o.Feeds.All(IsHttpUrl), "Knowledge:Feeds must hold absolute http(s) URLs of RSS or Atom feeds.")
            .Validate(o => o.DataFeeds.All(IsHttpUrl),
                "Knowledge:DataFeeds must hold absolute http(s) URLs of CSV tables (layoffs.fyi or WARN layout).")
            .ValidateOnStart();

        if (HasValues(configuration.GetSection("Knowledge:Feeds")))
        {
            services.TryAddSingleton<FeedPoller>();
            AddPolling(services, "feeds", sp => sp.GetRequiredService<FeedPoller>(), o => o.Feeds);
        }
        if (HasValues(configuration.GetSection("Knowledge:DataFeeds")))
        {
            services.TryAddSingleton(sp => new DataFeedPoller(
                sp.GetRequiredService<SafeHttpFetcher>(), sp.GetRequiredService<DataFileImporter>(),
                sp.GetRequiredService<IFeedStateStore>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DataFeedPoller>>()));
            AddPolling(services, "dataFeeds", sp => sp.GetRequiredService<DataFeedPoller>(), o => o.DataFeeds);
        }
        return services;
    }

    /// <summary>A polling service and its /health entry for one list of URLs.</summary>
    private static void AddPolling(IServiceCollection services, string name, Func<IServiceProvider, IUrlPoller> poller,
        Func<KnowledgeOptions, IEnumerable<string>> urls)
    {
        services.AddSingleton<IHealthReporter>(sp =>
            new FeedHealthReporter(name, poller(sp), urls, sp.GetRequiredService<IOptions<KnowledgeOptions>>()));
        services.AddSingleton<IHostedService>(sp => new FeedPollingService(
            poller(sp), urls, sp.GetRequiredService<IOptions<KnowledgeOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FeedPollingService>>(), sp.GetRequiredService<NewDataSignal>()));
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

    private static bool HasValues(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value) || section.GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));
}
