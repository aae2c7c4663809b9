namespace Bot.Host.Slack.SocketMode.Protocol;

/// <summary>
/// A Socket Mode frame that carries work (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>).
/// For <c>events_api</c> the payload is exactly the Events API <c>event_callback</c> body.
/// </summary>
internal sealed record SocketEnvelope
{
    public required string Type { get; init; }
    public string? EnvelopeId { get; init; }
    public JsonElement Payload { get; init; }
    public bool AcceptsResponsePayload { get; init; }
    /// <summary>0 on first delivery; Slack redelivers unacknowledged envelopes with 1, 2, ...</summary>
    public int RetryAttempt { get; init; }
    public string? RetryReason { get; init; }
}
