using Bot.Host.Chat;
using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord.Interactions;

/// <summary>An acknowledged (deferred) slash command waiting for its answer.</summary>
/// <param name="Ephemeral">Whether the deferral was private (the final message inherits it).</param>
internal sealed record InteractionPlan(DiscordInteraction Interaction, ChatCommand Command, bool Ephemeral);
