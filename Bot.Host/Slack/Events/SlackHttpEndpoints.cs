using Bot.Host.Slack.Events.Protocol;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Bot.Host.Slack.Events;

/// <summary>
/// Slack's request URLs over HTTP (events mode): <c>POST /slack/events</c> (the Events API), <c>/slack/commands</c> (slash
/// commands) and <c>/slack/interactions</c> (the Interactivity Request URL). Every request's raw body is verified before
/// anything reads it, and the request is acknowledged at once; the answer is worked out by <see cref="SlackInboundWorker"/>.
/// </summary>
internal sealed class SlackHttpEndpoints(
    SlackSignedRequest signedRequest,
    InboundQueue<SlackInbound> queue,
    IOptions<SlackOptions> options,
    ILogger<SlackHttpEndpoints> logger) : IEndpointMapper
{
    public const string EventsPath = "/slack/events";
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EventsPath, Verified(OnEvent));
        endpoints.MapPost(CommandsPath, Verified(body => OnSlashCommand(Form(body))));
        endpoints.MapPost(InteractionsPath, Verified(body => OnInteraction(Form(body))));
    }

    /// <summary>A handler behind the signature check: a refused request (401 forged or stale, 413 too big) never reaches it.</summary>
    private Func<HttpContext, Task<IResult>> Verified(Func<byte[], IResult> handle) => async context =>
    {
        var (body, refusal) = await signedRequest.ReadAsync(context);
        return refusal ?? handle(body!);
    };

    /// <summary>Answers <c>url_verification</c> and queues event callbacks.</summary>
    private IResult OnEvent(byte[] body)
    {
        EventCallback? callback;
        try { callback = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventCallback); }
        catch (JsonException ex)
        {
            return Malformed(ex, EventsPath);
        }
        switch (callback)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                return Results.Json(new UrlVerificationResponse(challenge), SlackJsonContext.Default.UrlVerificationResponse);
            case { Type: "event_callback", EventId: not null, Event: not null }:
                return Enqueue(SlackInbound.From(callback));
            case { Type: "app_rate_limited" }:
                SlackLog.AppRateLimited(logger);
                return Results.Ok();
            case { Type: "url_verification" or "event_callback" } or null:
                return Malformed(null, EventsPath);
            default:
                return Results.Ok(); // a type we do not use; acknowledging stops Slack's retries
        }
    }

    /// <summary>A slash command: a short ephemeral note within Slack's 3 seconds; the real reply goes to <c>response_url</c>.</summary>
    private IResult OnSlashCommand(Dictionary<string, StringValues> form)
    {
        var fields = form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (fields.TryGetValue("ssl_check", out var ssl) && ssl == "1") return Results.Ok();
        if (SlashCommandPayload.FromForm(fields) is not { } payload) return Malformed(null, CommandsPath);
        var command = options.Value.SlashCommand;
        if (!string.Equals(payload.Command, command, StringComparison.OrdinalIgnoreCase)) return Ephemeral($"I only know {command}.");
        if (queue.TryEnqueue(SlackInbound.From(payload))) return Ephemeral("Checking my sources…");
        SlackLog.QueueFull(logger);
        return Ephemeral("I'm busy right now; please try again in a minute.");
    }

    /// <summary>
    /// An interaction: the form's <c>payload</c> field is its JSON. Acknowledged with an empty 200; the worker answers on the
    /// payload's <c>response_url</c>.
    /// </summary>
    private IResult OnInteraction(Dictionary<string, StringValues> form)
    {
        SlackInteractionPayload? payload;
        try
        {
            payload = form.TryGetValue("payload", out var json) && json.ToString() is { Length: > 0 } text
                ? JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackInteractionPayload)
                : null;
        }
        catch (JsonException ex)
        {
            return Malformed(ex, InteractionsPath);
        }
        return payload is null ? Malformed(null, InteractionsPath) : Enqueue(SlackInbound.From(payload));
    }

    /// <summary>
    /// The verified body as a form (slash commands, interactions). Parsed from the verified bytes: model binding would re-read
    /// (and could re-encode) the body.
    /// </summary>
    private static Dictionary<string, StringValues> Form(byte[] body) => QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    /// <summary>200 once the worker has the inbound item; 503 when the queue is full, so Slack retries later.</summary>
    private IResult Enqueue(SlackInbound inbound)
    {
        if (queue.TryEnqueue(inbound)) return Results.Ok();
        SlackLog.QueueFull(logger);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private IResult Malformed(Exception? exception, string path)
    {
        SlackLog.MalformedRequest(logger, exception, path);
        return Results.BadRequest();
    }

    private static IResult Ephemeral(string text) =>
        Results.Json(new WebApi.Protocol.ResponseUrlMessage { ResponseType = "ephemeral", Text = SlackText.Escape(text) },
            SlackJsonContext.Default.ResponseUrlMessage);
}
