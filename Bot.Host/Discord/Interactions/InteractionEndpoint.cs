using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c> (Mode=http): verifies the Ed25519 signature over the raw
/// body and the age of its timestamp before anything else (401 when either fails), answers PING with PONG, and acknowledges slash
/// commands through the callback endpoint before replying 202 so the answer can follow.
/// </summary>
internal sealed class InteractionEndpoint : IEndpointMapper
{
    public const string Path = "/discord/interactions";
    private const int MaxBodyBytes = 1024 * 1024;

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        InteractionSignatureVerifier verifier,
        DiscordInteractionHandler handler,
        InboundQueue<InteractionWorkItem> queue,
        ILogger<InteractionEndpoint> logger)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var headers = context.Request.Headers;
        if (!verifier.VerifyFresh(headers["X-Signature-Ed25519"], headers["X-Signature-Timestamp"], body, out var stale))
        {
            if (stale) DiscordLog.StaleSignatureRejected(logger, headers["X-Signature-Timestamp"].ToString(),
                context.Connection.RemoteIpAddress?.ToString());
            else DiscordLog.SignatureRejected(logger, context.Connection.RemoteIpAddress?.ToString());
            return Results.Unauthorized();
        }

        DiscordInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordInteraction);
        }
        catch (JsonException ex)
        {
            DiscordLog.MalformedInteraction(logger, ex.Message);
            return Results.BadRequest();
        }
        if (interaction is null || string.IsNullOrEmpty(interaction.Id) || string.IsNullOrEmpty(interaction.Token))
        {
            DiscordLog.MalformedInteraction(logger, "missing id or token");
            return Results.BadRequest();
        }

        if (interaction.Type == DiscordInteractionType.Ping)
            return Results.Json(new InteractionResponse(InteractionResponseType.Pong), DiscordJsonContext.Default.InteractionResponse);

        var plan = await handler.AcknowledgeAsync(interaction, context.RequestAborted);
        if (plan is not null && !queue.TryEnqueue(new InteractionWorkItem(interaction, plan)))
            DiscordLog.InteractionDroppedOnShutdown(logger, interaction.Id);
        return Results.Accepted();
    }

    /// <summary>The body exactly as received (the signature covers these bytes), or null when too large.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
