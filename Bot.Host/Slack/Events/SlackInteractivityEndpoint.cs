using Bot.Host.Chat;
using System.Text;
using System.Text.Json;
using Bot.Host.Hosting;
using Bot.Host.Slack.Events.Protocol;
using Microsoft.AspNetCore.WebUtilities;

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
        var (body, refusal) = await signedRequest.ReadAsync(context);
        if (refusal is not null) return refusal;

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body!));
        SlackInteractionPayload? payload = null;
        try
        {
            if (form.TryGetValue("payload", out var json) && json.ToString() is { Length: > 0 } text)
                payload = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackInteractionPayload);
        }
        catch (JsonException ex)
        {
            SlackLog.MalformedRequest(logger, ex, Path);
            return Results.BadRequest();
        }
        if (payload is null)
        {
            SlackLog.MalformedRequest(logger, null, Path);
            return Results.BadRequest();
        }
        if (queue.TryEnqueue(SlackInbound.From(payload))) return Results.Ok();
        SlackLog.QueueFull(logger);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
