namespace Bot.Host.Slack.Events;

/// <summary>Reads the raw body of a request from Slack (before any parsing) and checks its signature.</summary>
internal sealed class SlackSignedRequest(SlackSignatureVerifier verifier, ILogger<SlackSignedRequest> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The verified raw body, or the error result to send (401 forged/stale, 413 too big).</summary>
    public async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes) return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.ToArray();
        var result = verifier.Verify(
            request.Headers["X-Slack-Request-Timestamp"].ToString(),
            request.Headers["X-Slack-Signature"].ToString(),
            body);
        if (result == SlackSignatureResult.Valid) return (body, null);
        SlackLog.SignatureRefused(logger, request.Path, result.ToString());
        return (null, Results.Unauthorized());
    }
}
