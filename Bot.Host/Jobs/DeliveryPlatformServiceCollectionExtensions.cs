namespace Bot.Host.Jobs;

public static class DeliveryPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Registers a chat platform's <see cref="DeliveryPlatform"/>, configured when <paramref name="requiredSetting"/> is set;
    /// returns whether it is, so the platform registers the rest of its services only then.
    /// </summary>
    public static bool AddDeliveryPlatform(
        this IServiceCollection services, IConfiguration configuration, string name, string displayName, string requiredSetting,
        Func<string, bool> isChannelId, string channelIdShape)
    {
        var configured = !string.IsNullOrWhiteSpace(configuration[requiredSetting]);
        services.AddSingleton(new DeliveryPlatform(name, displayName, requiredSetting, configured, isChannelId, channelIdShape));
        return configured;
    }
}
