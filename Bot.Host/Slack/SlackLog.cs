namespace Bot.Host.Slack;

/// <summary>Every Slack log line in one place. Tokens and secrets never appear in these messages.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(1, LogLevel.Warning, "Slack {Method} rate limited; retrying in {Seconds} s")]
    public static partial void RateLimited(ILogger logger, string method, double seconds);

    [LoggerMessage(2, LogLevel.Warning, "Slack {Method} warned: {Warning}")]
    public static partial void ApiWarning(ILogger logger, string method, string warning);

    [LoggerMessage(10, LogLevel.Information, "Slack Socket Mode connected (connection {Count}, {Connections} open for this app)")]
    public static partial void Connected(ILogger logger, long count, int connections);

    [LoggerMessage(11, LogLevel.Information, "Slack asked to disconnect ({Reason}); opening a new connection")]
    public static partial void Refreshing(ILogger logger, string reason);

    [LoggerMessage(12, LogLevel.Error,
        "Slack disabled Socket Mode for this app (link_disabled); Socket Mode stops. Enable Socket Mode in the app settings and restart.")]
    public static partial void LinkDisabled(ILogger logger);

    [LoggerMessage(13, LogLevel.Warning,
        "Slack Socket Mode connection lost or failed; reconnecting in {Seconds:0.0} s (attempt {Attempt})")]
    public static partial void Reconnecting(ILogger logger, Exception? exception, double seconds, int attempt);

    [LoggerMessage(14, LogLevel.Critical,
        "Slack rejected the configured token ({Error}); Socket Mode stops. Check Slack:BotToken and Slack:AppToken.")]
    public static partial void FatalApiError(ILogger logger, string error);

    [LoggerMessage(15, LogLevel.Error, "Slack Socket Mode frame is not valid JSON or misses fields; ignored")]
    public static partial void BadFrame(ILogger logger, Exception exception);

    [LoggerMessage(16, LogLevel.Debug, "Slack envelope {EnvelopeId} ({Type}) acknowledged, retry {RetryAttempt}")]
    public static partial void Acked(ILogger logger, string envelopeId, string type, int retryAttempt);

    [LoggerMessage(20, LogLevel.Warning, "Slack request to {Path} refused: signature {Result}")]
    public static partial void SignatureRefused(ILogger logger, string path, string result);

    [LoggerMessage(21, LogLevel.Warning, "Slack request to {Path} has a malformed body; answered 400")]
    public static partial void MalformedRequest(ILogger logger, Exception? exception, string path);

    [LoggerMessage(22, LogLevel.Warning, "Slack work queue is full; answered 503 so Slack retries later")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(23, LogLevel.Warning, "Slack says this app is rate limited for events (app_rate_limited)")]
    public static partial void AppRateLimited(ILogger logger);

    [LoggerMessage(30, LogLevel.Debug, "Slack event {EventId} already handled; duplicate dropped")]
    public static partial void Duplicate(ILogger logger, string eventId);

    [LoggerMessage(31, LogLevel.Error, "Slack work item failed ({Kind})")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(32, LogLevel.Debug, "Slack event ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string reason);
}
