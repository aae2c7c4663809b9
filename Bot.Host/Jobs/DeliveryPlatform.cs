namespace Bot.Host.Jobs;

/// <summary>
/// A chat platform as the scheduled jobs see it, registered by the platform whether or not it is configured, so
/// the digest settings can be checked without naming any platform here: how a channel ID looks, and which
/// setting turns the platform on. Its channel publisher (<see cref="IChannelPublisher"/>) exists only when configured.
/// </summary>
/// <param name="Name">The platform key: "discord", "slack" (ledger keys, <c>Digest:Channels:{Name}</c>).</param>
/// <param name="DisplayName">"Discord", "Slack" (messages, and the older <c>Digest:{DisplayName}ChannelIds</c> key).</param>
/// <param name="RequiredSetting">The setting that turns the platform on, e.g. <c>Discord:Token</c>.</param>
/// <param name="ChannelIdShape">What a channel ID looks like, for messages: "a numeric Discord channel ID".</param>
public sealed record DeliveryPlatform(
    string Name, string DisplayName, string RequiredSetting, bool Configured, Func<string, bool> IsChannelId, string ChannelIdShape);
