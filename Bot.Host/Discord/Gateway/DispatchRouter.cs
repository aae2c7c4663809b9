namespace Bot.Host.Discord.Gateway;

/// <summary>Sends each dispatch to the one handler for its event name; events nobody handles are skipped.</summary>
internal sealed class DispatchRouter
{
    private readonly Dictionary<string, IGatewayDispatchHandler> _handlers;
    private readonly ILogger<DispatchRouter> _logger;

    public DispatchRouter(IEnumerable<IGatewayDispatchHandler> handlers, ILogger<DispatchRouter> logger)
    {
        _handlers = handlers.ToDictionary(h => h.EventName, StringComparer.Ordinal);
        _logger = logger;
    }

    public async ValueTask RouteAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(eventName, out var handler)) return;
        try
        {
            await handler.HandleAsync(data, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad event must not take the connection down; it is logged with its name.
            DiscordLog.DispatchFailed(_logger, eventName, ex);
        }
    }
}
