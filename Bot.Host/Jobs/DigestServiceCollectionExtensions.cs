namespace Bot.Host.Jobs;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// What every command needs to build a digest (the <c>/digest</c> command, the CLI preview): the <c>Digest</c>
    /// options, the builder, the schedule and the renderer. Settings are validated at start.
    /// </summary>
    public static IServiceCollection AddDigestContent(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DigestOptions.SectionName);
        services.AddOptions<DigestOptions>()
            .Bind(section)
            .PostConfigure(o => ReadChannels(o, section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DigestOptions>>().Value;
            return DigestSchedule.Parse(o.Cron, o.TimeZone);
        });
        services.TryAddSingleton<DigestBuilder>();
        services.TryAddSingleton<DigestRenderer>();
        services.TryAddSingleton<IDigestProvider, LatestDigestProvider>();
        services.TryAddSingleton<WatchAlertFinder>();
        services.TryAddSingleton<WatchAlertRenderer>();
        return services;
    }

    /// <summary>
    /// The delivery jobs of <c>serve</c>, when a chat platform registered a channel publisher (call after the platforms):
    /// the watch alerts and the digest scheduler, for the channels of <c>Digest:Channels</c> and those subscribed by command.
    /// </summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestContent(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestChannelsValidator>());
        // Watch alerts and the digest run whenever a platform can post: channels can watch or subscribe by command.
        if (!services.Any(d => d.ServiceType == typeof(IChannelPublisher))) return services;
        services.TryAddSingleton<NewDataSignal>();
        services.TryAddSingleton<WatchAlertRunner>();
        services.AddHostedService<WatchAlertService>();
        services.TryAddSingleton<DigestRunner>();
        services.AddHostedService<DigestSchedulerService>();
        return services;
    }

    /// <summary>
    /// Digest:Channels:{platform} as one comma-separated value (Digest__Channels__slack=C1,C2), which the binder skips for
    /// a list, and the older Digest:{Platform}ChannelIds keys (Digest:DiscordChannelIds, Digest:SlackChannelIds), either form.
    /// </summary>
    private static void ReadChannels(DigestOptions options, IConfigurationSection section)
    {
        foreach (var setting in section.GetSection(nameof(DigestOptions.Channels)).GetChildren())
            options.AddChannels(setting.Key, [setting.Value]);
        const string suffix = DigestOptions.LegacyChannelsSuffix;
        var legacy = section.GetChildren()
            .Where(c => c.Key.Length > suffix.Length && c.Key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        foreach (var setting in legacy)
            options.AddChannels(setting.Key[..^suffix.Length], setting.GetChildren().Select(c => c.Value).Prepend(setting.Value));
    }
}
