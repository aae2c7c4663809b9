namespace Bot.Host.Discord;

/// <summary>Every Discord log line, source-generated. Nothing here takes a token.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(LogLevel.Warning, "Discord rate limit on {Route}: retrying in {Seconds:0.###} s (global: {Global}, scope: {Scope})")]
    public static partial void RateLimited(ILogger logger, string route, double seconds, bool global, string? scope);

    [LoggerMessage(LogLevel.Warning, "Discord {Route} answered {Status}; retrying in {Seconds:0.#} s")]
    public static partial void ServerErrorRetry(ILogger logger, string route, int status, double seconds);

    [LoggerMessage(LogLevel.Error, "Discord {Route} failed with {Status}: code {Code}, {Message}, errors {Errors}")]
    public static partial void RequestFailed(ILogger logger, string route, int status, int code, string? message, JsonElement? errors);

    [LoggerMessage(LogLevel.Warning, "Discord sent an unreadable rate-limit body: {Reason}")]
    public static partial void UnreadableBody(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Error, "Handling the {Event} dispatch failed")]
    public static partial void DispatchFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Discord gateway shard {Shard}: connection failed")]
    public static partial void GatewayConnectionFailed(ILogger logger, int shard, Exception exception);

    [LoggerMessage(LogLevel.Information, "Discord gateway shard {Shard} disconnected ({Disconnect}); next: {Action} in {Seconds:0.##} s")]
    public static partial void GatewayReconnecting(ILogger logger, int shard, string disconnect, string action, double seconds);

    [LoggerMessage(LogLevel.Information, "Discord gateway: {Count} shards in all, this instance runs {Ids}")]
    public static partial void GatewayShards(ILogger logger, int count, string ids);

    [LoggerMessage(LogLevel.Warning, "Discord:ShardCount=auto: GET /gateway/bot failed; retrying in {Seconds:0.#} s")]
    public static partial void ShardCountLookupFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(LogLevel.Critical, "{Message}")]
    public static partial void GatewayFatal(ILogger logger, string message);

    [LoggerMessage(LogLevel.Information, "Discord gateway shard {Shard} closed with 1000 on shutdown (session ended cleanly)")]
    public static partial void GatewayClosedOnShutdown(ILogger logger, int shard);

    [LoggerMessage(LogLevel.Warning, "Discord IDENTIFY budget ({Total} a day) is used up; shard {Shard} waits {Seconds:0} s")]
    public static partial void SessionStartLimitReached(ILogger logger, int shard, int total, double seconds);

    [LoggerMessage(LogLevel.Information, "Discord gateway shard {Shard}: resuming session {SessionId} at seq {Seq}")]
    public static partial void GatewayResuming(ILogger logger, int shard, string sessionId, int seq);

    [LoggerMessage(LogLevel.Information, "Discord gateway shard {Shard} of {Count}: identifying with intents {Intents}")]
    public static partial void GatewayIdentifying(ILogger logger, int shard, int count, int intents);

    [LoggerMessage(LogLevel.Warning,
        "Discord gateway shard {Shard}: no heartbeat ACK within {IntervalMs} ms; treating the connection as zombied")]
    public static partial void GatewayZombied(ILogger logger, int shard, int intervalMs);

    [LoggerMessage(LogLevel.Information, "Discord gateway shard {Shard} READY: session {SessionId}, application {ApplicationId}")]
    public static partial void GatewayReady(ILogger logger, int shard, string sessionId, string? applicationId);

    [LoggerMessage(LogLevel.Information, "Discord gateway shard {Shard} RESUMED session {SessionId} at seq {Seq}")]
    public static partial void GatewayResumed(ILogger logger, int shard, string? sessionId, int? seq);

    [LoggerMessage(LogLevel.Warning, "Discord gateway shard {Shard} sent an unreadable payload: {Reason}")]
    public static partial void GatewayUnreadablePayload(ILogger logger, int shard, string reason);

    [LoggerMessage(LogLevel.Debug, "Interaction {InteractionId} of type {Type} ignored (only slash commands are handled)")]
    public static partial void InteractionIgnored(ILogger logger, string interactionId, int type);

    [LoggerMessage(LogLevel.Information, "Interaction {InteractionId} was delivered again; answered once already")]
    public static partial void InteractionDuplicate(ILogger logger, string interactionId);

    [LoggerMessage(LogLevel.Information, "Interaction {InteractionId} (/{Command}) refused: {Reason}")]
    public static partial void InteractionRefused(ILogger logger, string interactionId, string? command, string? reason);

    [LoggerMessage(LogLevel.Error, "Command /{Command} failed for interaction {InteractionId}")]
    public static partial void CommandFailed(ILogger logger, string command, string interactionId, Exception exception);

    [LoggerMessage(LogLevel.Information, "Interaction {InteractionId} (/{Command}) answered (error reply: {IsError})")]
    public static partial void InteractionAnswered(ILogger logger, string interactionId, string command, bool isError);

    [LoggerMessage(LogLevel.Error, "Answering interaction {InteractionId} (/{Command}) failed")]
    public static partial void InteractionFailed(ILogger logger, string interactionId, string? command, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Interaction {InteractionId} arrived during shutdown and was not answered")]
    public static partial void InteractionDroppedOnShutdown(ILogger logger, string interactionId);

    [LoggerMessage(LogLevel.Warning, "Rejected an interaction request from {RemoteIp}: bad Ed25519 signature")]
    public static partial void SignatureRejected(ILogger logger, string? remoteIp);

    [LoggerMessage(LogLevel.Warning,
        "Refused a signed interaction from {RemoteIp}: its timestamp {Timestamp} is more than 5 minutes from now (a replay or a wrong " +
        "clock)")]
    public static partial void StaleSignatureRejected(ILogger logger, string timestamp, string? remoteIp);

    [LoggerMessage(LogLevel.Warning, "Malformed interaction request: {Reason}")]
    public static partial void MalformedInteraction(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Registered {Count} slash commands ({Scope})")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(LogLevel.Error, "Registering slash commands failed")]
    public static partial void CommandRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Interaction {InteractionId} was abandoned: the host's shutdown timeout ended before its answer")]
    public static partial void InteractionAbandonedOnShutdown(ILogger logger, string interactionId);

    [LoggerMessage(LogLevel.Warning, "Registering slash commands failed ({Reason}); retrying in {Seconds:0} s")]
    public static partial void CommandRegistrationRetry(ILogger logger, string reason, double seconds);
}
