namespace Bot.Host.Slack.Events.Protocol;

/// <summary>The inner event (<c>app_mention</c>, <c>message</c>, ...); only the fields the bot reads.</summary>
internal sealed record SlackEvent
{
    public required string Type { get; init; }
    public string? Subtype { get; init; }
    public string? User { get; init; }
    /// <summary>Present on messages posted by any bot, including ours.</summary>
    public string? BotId { get; init; }
    public string? Text { get; init; }
    /// <summary>Message ids are strings; never parse them as numbers.</summary>
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? Channel { get; init; }
    public string? ChannelType { get; init; }
    public bool Hidden { get; init; }
    /// <summary><c>app_home_opened</c>: which tab was opened, "home" or "messages".</summary>
    public string? Tab { get; init; }
}
