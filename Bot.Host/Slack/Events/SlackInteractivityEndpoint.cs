using Bot.Host.Slack.Events.Protocol;

namespace Bot.Host.Slack.Events;

/// <summary>
/// <c>POST /slack/interactions</c> (the Interactivity Request URL in events mode): a signed form whose
/// <c>payload</c> field is the interaction JSON. Acknowledged with an empty 200 at once; the worker answers
/// on the payload's <c>response_url</c>.
/// </summary>
internal sealed class SlackInteractivityEndpoint(
    SlackSignedRequest signedRequest,
    InboundQueue<SlackInbound> queue,
    ILogger<SlackInteractivityEndpoint> logger) : IEndpointMapper
{
    public const string Path = "/slack/interactions";

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)HandleAsync);

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var (form, refusal) = await signedRequest.ReadFormAsync(context);
        if (refusal is not null) return refusal;

        SlackInteractionPayload? payload;
        try
        {
            payload = form!.TryGetValue("payload", out var json) && json.ToString() is { Length: > 0 } text
                ? JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackInteractionPayload)
                : null;
        }
        catch (JsonException ex)
        {
            return SlackEndpointResults.Malformed(logger, ex, Path);
        }
        return payload is null
            ? SlackEndpointResults.Malformed(logger, null, Path)
            : SlackEndpointResults.Enqueue(queue, SlackInbound.From(payload), logger);
    }
}
