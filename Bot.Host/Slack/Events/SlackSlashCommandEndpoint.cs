using Bot.Host.Slack.Events.Protocol;

namespace Bot.Host.Slack.Events;

/// <summary>
/// <c>POST /slack/commands</c>: a signed form payload. Acknowledged with a short ephemeral note within
/// Slack's 3 seconds; the real reply goes to <c>response_url</c> from the worker.
/// </summary>
internal sealed class SlackSlashCommandEndpoint(
    SlackSignedRequest signedRequest,
    InboundQueue<SlackInbound> queue,
    IOptions<SlackOptions> options,
    ILogger<SlackSlashCommandEndpoint> logger) : IEndpointMapper
{
    public const string Path = "/slack/commands";

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)HandleAsync);

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var (form, refusal) = await signedRequest.ReadFormAsync(context);
        if (refusal is not null) return refusal;

        var fields = form!.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (fields.TryGetValue("ssl_check", out var ssl) && ssl == "1") return Results.Ok();
        if (SlashCommandPayload.FromForm(fields) is not { } payload) return SlackEndpointResults.Malformed(logger, null, Path);
        return Accept(payload, queue, options.Value, logger);
    }

    /// <summary>Shared by HTTP and Socket Mode: the immediate reply to a slash command.</summary>
    public static IResult Accept(SlashCommandPayload payload, InboundQueue<SlackInbound> queue, SlackOptions options, ILogger logger)
    {
        if (!string.Equals(payload.Command, options.SlashCommand, StringComparison.OrdinalIgnoreCase))
            return Ephemeral($"I only know {options.SlashCommand}.");
        if (queue.TryEnqueue(SlackInbound.From(payload))) return Ephemeral("Checking my sources…");
        SlackLog.QueueFull(logger);
        return Ephemeral("I'm busy right now; please try again in a minute.");
    }

    private static IResult Ephemeral(string text) =>
        Results.Json(new WebApi.Protocol.ResponseUrlMessage { ResponseType = "ephemeral", Text = SlackText.Escape(text) },
            SlackJsonContext.Default.ResponseUrlMessage);
}
