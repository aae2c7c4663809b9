using Bot.Host.Chat;
using Bot.Host.Discord;
using Bot.Host.Slack;
using Bot.Knowledge;
using Bot.Knowledge.Digest;
using Bot.Knowledge.Events;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Watches;
using Bot.Knowledge.Ingestion;
using Bot.Host.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Jobs;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// What every command needs to build a digest (the <c>/digest</c> command, the CLI preview): the <c>Digest</c>
    /// options, the builder, the ledger, the schedule and the renderer. Settings are validated at start.
    /// </summary>
    public static IServiceCollection AddDigestContent(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DigestOptions.SectionName);
        services.AddOptions<DigestOptions>()
            .Bind(section)
            // Also accept one comma-separated value (Digest__SlackChannelIds=C1,C2), which the binder skips for a list.
            .PostConfigure(o =>
            {
                o.DiscordChannelIds = Split(o.DiscordChannelIds, section[nameof(DigestOptions.DiscordChannelIds)]);
                o.SlackChannelIds = Split(o.SlackChannelIds, section[nameof(DigestOptions.SlackChannelIds)]);
            })
            .ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<DigestOptions>>(new DigestOptionsValidator(
            !string.IsNullOrWhiteSpace(configuration["Discord:Token"]), !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"])));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DigestOptions>>().Value;
            return DigestSchedule.Parse(o.Cron, o.TimeZone);
        });
        services.TryAddSingleton<DigestBuilder>();
        services.TryAddSingleton<DigestLedger>();
        services.TryAddSingleton<DigestRenderer>();
        services.TryAddSingleton<IDigestProvider, LatestDigestProvider>();
        services.TryAddSingleton(sp => new WatchStore(sp.GetRequiredService<KnowledgeDatabase>(), sp.GetRequiredService<LayoffEventQueries>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DigestSubscriptionStore>();
        services.TryAddSingleton<WatchAlertFinder>();
        services.TryAddSingleton<WatchAlertLedger>();
        services.TryAddSingleton<WatchAlertRenderer>();
        return services;
    }

    /// <summary>
    /// The scheduled jobs of <c>serve</c>: feed and table polling when <c>Knowledge:Feeds</c> or <c>Knowledge:DataFeeds</c>
    /// list URLs, and, when a chat platform is configured, the watch alerts and the digest scheduler (for the channels of
    /// <c>Digest:DiscordChannelIds</c> / <c>Digest:SlackChannelIds</c> and those subscribed by command).
    /// </summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestContent(configuration);
        services.TryAddSingleton<NewDataSignal>();
        services.AddOptions<KnowledgeOptions>()
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Knowledge:PollInterval must be a positive time span, e.g. 00:30:00.")
            .Validate(o => o.Feeds.All(IsHttpUrl), "Knowledge:Feeds must hold absolute http(s) URLs of RSS or Atom feeds.")
            .Validate(o => o.DataFeeds.All(IsHttpUrl), "Knowledge:DataFeeds must hold absolute http(s) URLs of CSV tables (layoffs.fyi or WARN layout).")
            .ValidateOnStart();

        if (HasValues(configuration.GetSection("Knowledge:Feeds")))
        {
            services.TryAddSingleton<FeedPoller>();
            AddPolling(services, "feeds", sp => sp.GetRequiredService<FeedPoller>(), o => o.Feeds);
        }
        if (HasValues(configuration.GetSection("Knowledge:DataFeeds")))
        {
            services.TryAddSingleton(sp => new DataFeedPoller(sp.GetRequiredService<SafeHttpFetcher>(), sp.GetRequiredService<DataFileImporter>(),
                sp.GetRequiredService<IFeedStateStore>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DataFeedPoller>>()));
            AddPolling(services, "dataFeeds", sp => sp.GetRequiredService<DataFeedPoller>(), o => o.DataFeeds);
        }

        // Publishers for the platforms that are configured (watch alerts go to any channel that watches); the options
        // validator names a digest channel list without its platform.
        var discordConfigured = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);
        var slackConfigured = !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]);
        if (discordConfigured) services.AddSingleton<IChannelPublisher, DiscordChannelPublisher>();
        if (slackConfigured) services.AddSingleton<IChannelPublisher, SlackChannelPublisher>();
        // Watch alerts and the digest run whenever a platform is configured: channels can watch or subscribe by command.
        if (!discordConfigured && !slackConfigured) return services;
        services.TryAddSingleton<WatchAlertRunner>();
        services.AddHostedService<WatchAlertService>();
        services.TryAddSingleton<DigestRunner>();
        services.AddHostedService<DigestSchedulerService>();
        return services;
    }

    /// <summary>A polling service and its /health entry for one list of URLs.</summary>
    private static void AddPolling(IServiceCollection services, string name, Func<IServiceProvider, IUrlPoller> poller, Func<KnowledgeOptions, IEnumerable<string>> urls)
    {
        services.AddSingleton<IHealthReporter>(sp => new FeedHealthReporter(name, poller(sp), urls, sp.GetRequiredService<IOptions<KnowledgeOptions>>()));
        services.AddSingleton<IHostedService>(sp => new FeedPollingService(poller(sp), urls, sp.GetRequiredService<IOptions<KnowledgeOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FeedPollingService>>(), sp.GetRequiredService<NewDataSignal>()));
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

    private static bool HasValues(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value) || section.GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));

    private static List<string> Split(List<string> bound, string? scalar) =>
        bound.Concat((scalar ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
