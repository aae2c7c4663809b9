using Bot.Host.Jobs;
using Bot.Host.Slack.Events;
using Bot.Host.Slack.SocketMode;
using Bot.Host.Slack.WebApi;

namespace Bot.Host.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers Slack only when <c>Slack:BotToken</c> is set: Socket Mode when an app token is configured,
    /// the signed HTTP endpoints (<c>/slack/events</c>, <c>/slack/commands</c>) when a signing secret is.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        if (!services.AddDeliveryPlatform(configuration, SlackChannelPublisher.PlatformName, "Slack",
                $"{SlackOptions.SectionName}:{nameof(SlackOptions.BotToken)}",
                id => !string.IsNullOrWhiteSpace(id) && id.All(char.IsAsciiLetterOrDigit), "a Slack channel ID (e.g. C0123456789)"))
            return services;

        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.AddHttpClient(SlackWebApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<SlackWebApiClient>();
        services.AddSingleton<SlackChannelPacer>();
        services.AddSingleton<AuthApi>();
        services.AddSingleton<AppsApi>();
        services.AddSingleton<ChatApi>();
        services.AddSingleton<FilesApi>();
        services.AddSingleton<ViewsApi>();

        services.AddSingleton<SlackBlockRenderer>();
        services.AddSingleton<IChannelPublisher, SlackChannelPublisher>();
        services.AddSingleton<SlackMessageHandler>();
        services.AddSingleton<SlackSlashCommandHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        services.AddSingleton<SlackAppHomeHandler>();
        services.AddSingleton<SlackInboundDispatcher>();
        services.AddSingleton(new InboundQueue<SlackInbound>());
        services.AddHostedService<SlackInboundWorker>();

        services.AddSingleton<SlackConnectionState>();
        services.AddSingleton<IHealthReporter, SlackHealthReporter>();

        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.AppToken)]) &&
            !string.Equals(section[nameof(SlackOptions.Mode)], SlackOptions.EventsMode, StringComparison.OrdinalIgnoreCase))
            services.AddHostedService<SlackSocketModeClient>();

        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.SigningSecret)]))
        {
            services.AddSingleton<SlackSignatureVerifier>();
            services.AddSingleton<SlackSignedRequest>();
            services.AddSingleton<IEndpointMapper, SlackHttpEndpoints>();
        }
        return services;
    }
}
