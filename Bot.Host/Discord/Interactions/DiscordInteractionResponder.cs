using Bot.Host.Discord.Interactions.Protocol;
using Bot.Host.Discord.Rest;

namespace Bot.Host.Discord.Interactions;

/// <summary>Initial responses (callbacks) that carry a rendered reply: privately to the invoker, or replacing the clicked
/// message.</summary>
internal sealed class DiscordInteractionResponder(DiscordRestClient rest, DiscordReplyRenderer renderer)
{
    /// <summary>A message only the invoking user sees (type 4, EPHEMERAL).</summary>
    public Task ReplyPrivatelyAsync(DiscordInteraction interaction, ChatReply reply, CancellationToken cancellationToken)
    {
        var message = renderer.Render(reply).Message with { Flags = DiscordMessage.EphemeralFlag };
        return rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
            new InteractionResponse(InteractionResponseType.ChannelMessageWithSource, message), cancellationToken);
    }

    /// <summary>Edits the message whose button was clicked (type 7, components only).</summary>
    public Task UpdateMessageAsync(DiscordInteraction interaction, ChatReply reply, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
            new InteractionResponse(InteractionResponseType.UpdateMessage, renderer.Render(reply).Message), cancellationToken);
}
