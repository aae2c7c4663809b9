namespace Bot.Host.Discord.Gateway;

/// <summary>Handles one dispatch event name (e.g. INTERACTION_CREATE). Must return quickly: it runs on the read loop.</summary>
internal interface IGatewayDispatchHandler
{
    string EventName { get; }
    ValueTask HandleAsync(JsonElement data, CancellationToken cancellationToken);
}
