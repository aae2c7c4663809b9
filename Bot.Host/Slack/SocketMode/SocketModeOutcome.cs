namespace Bot.Host.Slack.SocketMode;

/// <summary>How one Socket Mode connection ended, which decides what the client does next.</summary>
internal enum SocketModeOutcome
{
    /// <summary>Slack asked for a new connection (<c>warning</c>, <c>refresh_requested</c>, or an unknown reason).</summary>
    Refresh,
    /// <summary>Socket Mode was switched off for the app: stop, do not loop.</summary>
    LinkDisabled,
    /// <summary>The socket closed or failed without a disconnect message: reconnect after a backoff.</summary>
    Dropped,
}
