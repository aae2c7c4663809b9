namespace Bot.Host.Jobs;

/// <summary>Log lines of the watch alerts.</summary>
internal static partial class WatchLog
{
    [LoggerMessage(LogLevel.Information, "Posted watch alert {Alert} (message {MessageId})")]
    public static partial void AlertPosted(ILogger logger, string alert, string? messageId);

    [LoggerMessage(LogLevel.Error, "Watch alert {Alert} not posted: {Reason}. It is not retried.")]
    public static partial void ChannelUnavailable(ILogger logger, string alert, string reason);

    [LoggerMessage(LogLevel.Error, "Posting watch alert {Alert} failed; the claim is released and the next pass tries again")]
    public static partial void AlertFailed(ILogger logger, string alert, Exception exception);

    [LoggerMessage(LogLevel.Warning,
        "Watch alert {Alert} was claimed at {ClaimedAt:O} by a process that stopped before confirming the post. It may or may not have " +
        "been posted; it is NOT re-posted (at-most-once).")]
    public static partial void AlertAbandoned(ILogger logger, string alert, DateTime claimedAt);

    [LoggerMessage(LogLevel.Error, "The watch alert pass failed; trying again at {RetryAt:O}")]
    public static partial void PassFailed(ILogger logger, DateTimeOffset retryAt, Exception exception);
}
