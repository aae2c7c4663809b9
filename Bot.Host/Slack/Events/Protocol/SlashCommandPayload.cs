namespace Bot.Host.Slack.Events.Protocol;

/// <summary>A slash command invocation: the HTTP form fields, or the Socket Mode <c>slash_commands</c> payload.</summary>
internal sealed record SlashCommandPayload
{
    public required string Command { get; init; }
    public string Text { get; init; } = "";
    public required string UserId { get; init; }
    public required string ChannelId { get; init; }
    public required string ResponseUrl { get; init; }
    public string? TeamId { get; init; }
    public string? TriggerId { get; init; }

    public static SlashCommandPayload? FromForm(IReadOnlyDictionary<string, string> form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) ? v : null;
        if (Get("command") is not { Length: > 0 } command || Get("user_id") is not { } user ||
            Get("channel_id") is not { } channel || Get("response_url") is not { } responseUrl)
            return null;
        return new SlashCommandPayload
        {
            Command = command, Text = Get("text") ?? "", UserId = user, ChannelId = channel,
            ResponseUrl = responseUrl, TeamId = Get("team_id"), TriggerId = Get("trigger_id"),
        };
    }
}
