using Bot.Host.Discord;
using Bot.Host.Slack;

namespace Bot.Host.Platforms;

/// <summary>
/// The one place that names every chat platform (the layering test allows it and no other neutral code): adding a
/// platform is its folder plus one line here. Each platform registers only when its settings are present, and
/// registers its own endpoints, connections and channel publisher.
/// </summary>
public static class ChatPlatforms
{
    public static IServiceCollection AddChatPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscord(configuration);
        services.AddSlack(configuration);
        return services;
    }
}
