namespace Bot.Host.Slack.Events.Protocol;

/// <summary>The outer Events API body: <c>event_callback</c>, <c>url_verification</c> or <c>app_rate_limited</c>.</summary>
internal sealed record EventCallback
{
    public required string Type { get; init; }
    /// <summary>Globally unique and unchanged on retries: the dedupe key.</summary>
    public string? EventId { get; init; }
    public string? TeamId { get; init; }
    public SlackEvent? Event { get; init; }
    /// <summary>Only on <c>url_verification</c>.</summary>
    public string? Challenge { get; init; }
}
