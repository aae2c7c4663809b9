using Bot.Host.Discord.Commands;
using Bot.Host.Discord.Gateway;
using Bot.Host.Discord.Interactions;
using Bot.Host.Discord.Rest;
using Bot.Host.Jobs;

namespace Bot.Host.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Discord edge when <c>Discord:Token</c> is set (otherwise does nothing): the gateway
    /// client (Mode=gateway) or the <c>/discord/interactions</c> endpoint (Mode=http), command
    /// registration, the interaction worker and the health entry. Settings are validated at start.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (!services.AddDeliveryPlatform(configuration, DiscordChannelPublisher.PlatformName, "Discord",
                $"{DiscordOptions.SectionName}:{nameof(DiscordOptions.Token)}",
                id => ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a numeric Discord channel ID"))
            return services;
        var httpMode = string.Equals(section[nameof(DiscordOptions.Mode)], DiscordOptions.HttpMode, StringComparison.OrdinalIgnoreCase);

        services.AddOptions<DiscordOptions>()
            .Bind(section)
            // Also accept one comma-separated value (Discord__GuildIds=1,2), which the binder skips for a list.
            .PostConfigure(options =>
            {
                options.GuildIds.AddRange(SplitList(section[nameof(DiscordOptions.GuildIds)]));
                options.ShardIds.AddRange(SplitList(section[nameof(DiscordOptions.ShardIds)]));
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // The factory's default loggers write request URIs, and webhook URIs hold interaction tokens:
        // DiscordRestClient logs route templates instead.
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers();

        services.AddSingleton(sp =>
        {
            var state = new DiscordConnectionState(sp.GetRequiredService<TimeProvider>());
            // In http mode there is no connection to keep: Discord calls us.
            if (httpMode) state.Set(DiscordConnectionStatus.Connected);
            return state;
        });
        services.AddSingleton<IHealthReporter, DiscordHealthReporter>();
        services.AddSingleton<BucketRegistry>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordReplyRenderer>();
        services.AddSingleton(new InboundQueue<InteractionWorkItem>());
        services.AddSingleton<InteractionIntake>();
        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<DiscordAutocompleteHandler>();
        services.AddSingleton<DiscordComponentHandler>();
        services.AddSingleton<DiscordInteractionResponder>();
        services.AddSingleton<IChannelPublisher, DiscordChannelPublisher>();

        // Hosted services stop in reverse order: the gateway stops taking interactions first,
        // then the worker drains the ones in flight.
        services.AddHostedService<InteractionWorker>();
        services.AddHostedService<DiscordCommandRegistrar>();

        if (httpMode)
        {
            services.AddSingleton<InteractionSignatureVerifier>();
            services.AddSingleton<IEndpointMapper, InteractionEndpoint>();
        }
        else
        {
            services.AddSingleton(GatewayReconnectPolicy.Default);
            // Instances sharing a PostgreSQL database run different shards of one bot: they share the IDENTIFY buckets.
            var sharedBuckets = KnowledgeStores.IsPostgres(configuration);
            services.AddSingleton(sp => new GatewayIdentifyGate(sp.GetRequiredService<TimeProvider>(),
                sharedBuckets ? new PostgresIdentifyBuckets(sp.GetRequiredService<PostgresDatabase>()) : null));
            services.AddSingleton<IGatewayDispatchHandler, InteractionCreateDispatchHandler>();
            services.AddSingleton<DispatchRouter>();
            services.AddSingleton<DiscordGatewayClient>();
            services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayClient>());
        }
        return services;
    }

    private static string[] SplitList(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
