namespace Bot.Host.Jobs;

/// <summary>Log lines of the scheduled jobs (digest and feed polling).</summary>
internal static partial class JobsLog
{
    [LoggerMessage(LogLevel.Information,
        "Digest scheduler started: cron '{Cron}' in {TimeZone}, {Channels} channel(s); next run at {Next}")]
    public static partial void SchedulerStarted(ILogger logger, string cron, string timeZone, int channels, DateTimeOffset? next);

    [LoggerMessage(LogLevel.Information, "Posted the digest for {From:O} – {To:O} to {Platform} channel {Channel} (message {MessageId})")]
    public static partial void DigestPosted(ILogger logger, DateTimeOffset from, DateTimeOffset to, string platform, string channel,
        string? messageId);

    [LoggerMessage(LogLevel.Debug, "The digest ending {To:O} for {Platform} channel {Channel} was already claimed; not posting it again")]
    public static partial void AlreadyClaimed(ILogger logger, DateTimeOffset to, string platform, string channel);

    [LoggerMessage(LogLevel.Information,
        "The digest for {From:O} – {To:O} is empty and Digest:SkipEmpty is set: nothing posted to {Platform} channel {Channel}")]
    public static partial void EmptySkipped(ILogger logger, DateTimeOffset from, DateTimeOffset to, string platform, string channel);

    [LoggerMessage(LogLevel.Error, "Skipping {Platform} channel {Channel}: {Reason}. The other channels still get the digest.")]
    public static partial void ChannelUnavailable(ILogger logger, string platform, string channel, string reason);

    [LoggerMessage(LogLevel.Error, "Posting the digest to {Platform} channel {Channel} failed; the claim is released and the post " +
        "retried at {RetryAt:O}")]
    public static partial void PostFailed(ILogger logger, string platform, string channel, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(LogLevel.Warning,
        "The digest for {From:O} – {To:O} to {Platform} channel {Channel} was claimed at {ClaimedAt:O} by a process that stopped before " +
        "confirming the post. It may or may not have been posted; it is NOT re-posted (at-most-once).")]
    public static partial void ClaimAbandoned(ILogger logger, DateTime from, DateTime to, string platform, string channel,
        DateTime claimedAt);

    [LoggerMessage(LogLevel.Error, "The digest scheduler pass failed; trying again at {RetryAt:O}")]
    public static partial void SchedulerPassFailed(ILogger logger, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(LogLevel.Error, "Feed polling pass failed; trying again at {RetryAt:O}")]
    public static partial void FeedPassFailed(ILogger logger, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Posted the digest to Slack channel {Channel} but uploading its chart failed: {Reason}")]
    public static partial void ChartUploadFailed(ILogger logger, string channel, string reason);
}
