namespace Bot.Host.Slack.Events;

/// <summary>The answers the signed Slack endpoints give alike: work acknowledged once queued, and a malformed request.</summary>
internal static class SlackEndpointResults
{
    /// <summary>200 once the worker has the inbound item; 503 when the queue is full, so Slack retries later.</summary>
    public static IResult Enqueue(InboundQueue<SlackInbound> queue, SlackInbound inbound, ILogger logger)
    {
        if (queue.TryEnqueue(inbound)) return Results.Ok();
        SlackLog.QueueFull(logger);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    public static IResult Malformed(ILogger logger, Exception? exception, string path)
    {
        SlackLog.MalformedRequest(logger, exception, path);
        return Results.BadRequest();
    }
}
