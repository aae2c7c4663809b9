using Bot.Host.Slack.Events.Protocol;

namespace Bot.Host.Slack.Events;

/// <summary>
/// <c>POST /slack/events</c> (Events API over HTTP): verify the signature on the raw body, answer
/// <c>url_verification</c>, and acknowledge callbacks at once; the answer is worked out by
/// <see cref="SlackInboundWorker"/>.
/// </summary>
internal sealed class SlackEventsEndpoint(
    SlackSignedRequest signedRequest,
    InboundQueue<SlackInbound> queue,
    ILogger<SlackEventsEndpoint> logger) : IEndpointMapper
{
    public const string Path = "/slack/events";

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)HandleAsync);

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, refusal) = await signedRequest.ReadAsync(context);
        if (refusal is not null) return refusal;

        EventCallback? callback;
        try { callback = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventCallback); }
        catch (JsonException ex)
        {
            return SlackEndpointResults.Malformed(logger, ex, Path);
        }
        switch (callback)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                return Results.Json(new UrlVerificationResponse(challenge), SlackJsonContext.Default.UrlVerificationResponse);
            case { Type: "event_callback", EventId: not null, Event: not null }:
                return SlackEndpointResults.Enqueue(queue, SlackInbound.From(callback), logger);
            case { Type: "app_rate_limited" }:
                SlackLog.AppRateLimited(logger);
                return Results.Ok();
            case { Type: "url_verification" or "event_callback" } or null:
                return SlackEndpointResults.Malformed(logger, null, Path);
            default:
                return Results.Ok(); // a type we do not use; acknowledging stops Slack's retries
        }
    }
}
