using Bot.Host.Discord.Interactions;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// INTERACTION_CREATE: hands the interaction to <see cref="InteractionIntake"/> so the read loop never waits on REST or an answer.
/// </summary>
internal sealed class InteractionCreateDispatchHandler(InteractionIntake intake) : IGatewayDispatchHandler
{
    public string EventName => "INTERACTION_CREATE";

    public ValueTask HandleAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var interaction = data.Deserialize(DiscordJsonContext.Default.DiscordInteraction)
            ?? throw new InvalidDataException("INTERACTION_CREATE without data.");
        intake.Accept(interaction);
        return ValueTask.CompletedTask;
    }
}
