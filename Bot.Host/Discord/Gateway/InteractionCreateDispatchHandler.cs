using System.Text.Json;
using Bot.Host.Discord.Interactions;

namespace Bot.Host.Discord.Gateway;

/// <summary>INTERACTION_CREATE: hands the interaction to <see cref="InteractionWorker"/> so the read loop never waits on an answer.</summary>
internal sealed class InteractionCreateDispatchHandler(InteractionQueue queue, ILogger<InteractionCreateDispatchHandler> logger) : IGatewayDispatchHandler
{
    public string EventName => "INTERACTION_CREATE";

    public ValueTask HandleAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var interaction = data.Deserialize(DiscordJsonContext.Default.DiscordInteraction)
            ?? throw new InvalidDataException("INTERACTION_CREATE without data.");
        if (!queue.TryEnqueue(new InteractionWorkItem(interaction, null)))
            DiscordLog.InteractionDroppedOnShutdown(logger, interaction.Id);
        return ValueTask.CompletedTask;
    }
}
