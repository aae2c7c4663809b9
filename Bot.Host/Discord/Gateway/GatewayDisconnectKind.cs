namespace Bot.Host.Discord.Gateway;

internal enum GatewayDisconnectKind
{
    /// <summary>The gateway closed the socket with a close code.</summary>
    Closed,
    /// <summary>The socket failed without a close frame (network drop).</summary>
    Dropped,
    /// <summary>A heartbeat went unacknowledged.</summary>
    Zombied,
    ReconnectRequested,
    InvalidSession,
    /// <summary>Could not reach the gateway at all (GET /gateway/bot or the WebSocket handshake failed).</summary>
    ConnectFailed,
}
