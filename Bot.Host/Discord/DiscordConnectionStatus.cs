namespace Bot.Host.Discord;

internal enum DiscordConnectionStatus
{
    Starting,
    Connecting,
    Resuming,
    /// <summary>Gateway READY/RESUMED received (or, in http mode, the endpoint is listening).</summary>
    Connected,
    Reconnecting,
    /// <summary>Stopped for good after a fatal error (see the last error).</summary>
    Failed,
    Stopped,
}
