using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord.Interactions;

/// <summary>An interaction to answer; <see cref="Plan"/> is set when the caller already acknowledged it (HTTP mode).</summary>
internal sealed record InteractionWorkItem(DiscordInteraction Interaction, InteractionPlan? Plan);
