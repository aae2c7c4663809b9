namespace Bot.Host.Chat;

/// <summary>A question as it arrives from any chat platform, before platform details are dropped.</summary>
/// <param name="Platform">"discord", "slack", "cli", ...</param>
/// <param name="ThreadId">The conversation thread (Slack thread_ts, Discord channel/interaction); null when none.</param>
public sealed record ChatRequest(
    string Platform,
    string UserId,
    string ChannelId,
    string? ThreadId,
    string Text,
    string? Locale = null);
