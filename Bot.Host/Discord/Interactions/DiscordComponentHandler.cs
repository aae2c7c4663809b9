using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Button clicks under answers (interaction type 3), answered in the initial response, well within Discord's
/// 3 seconds: a vote gets a private note; "Show/Hide sources" re-renders the answer in place (type 7).
/// </summary>
internal sealed class DiscordComponentHandler(ChatActionHandler actions, DiscordInteractionResponder responder)
{
    public Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var action = ChatAction.Parse(interaction.Data?.CustomId);
        var result = action is null
            ? ChatActionResult.Private("That button no longer does anything; please ask again.")
            : actions.Handle(action, DiscordChatPlatform.Platform, interaction.Invoker?.Id ?? "unknown");
        return result.Updated is { } updated
            ? responder.UpdateMessageAsync(interaction, updated, cancellationToken)
            : responder.ReplyPrivatelyAsync(interaction, ChatReply.Note(result.Note ?? ""), cancellationToken);
    }
}
