using Bot.Host.Platforms;

namespace Bot.Tests.Digest.Support;

/// <summary>
/// The <c>serve</c> composition (AddBotCore, AddChatPlatforms, AddDigest, AddFeedPolling, as ServeCommand.BuildApp adds them)
/// on a loopback port with a fake clock and a log recorder; the database path is the test's own.
/// </summary>
internal static class DigestServeHost
{
    public static WebApplication Build(string databasePath, IDictionary<string, string?> settings, FakeTimeProvider time,
        ListLogger logs) =>
        LoopbackBotApp.Build(databasePath, settings, logs, (services, configuration) =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddChatPlatforms(configuration);
            services.AddDigest(configuration);
            services.AddFeedPolling(configuration);
        });
}
