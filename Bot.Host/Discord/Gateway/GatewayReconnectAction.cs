namespace Bot.Host.Discord.Gateway;

internal enum GatewayReconnectAction
{
    /// <summary>Reconnect to the resume URL and send RESUME (falls back to IDENTIFY without a session).</summary>
    Resume,
    /// <summary>Drop the session, reconnect to the gateway URL and IDENTIFY.</summary>
    Identify,
    /// <summary>Do not reconnect: the close code says retrying cannot help.</summary>
    Stop,
}
