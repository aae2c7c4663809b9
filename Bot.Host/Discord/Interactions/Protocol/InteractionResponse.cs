namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>The initial response to an interaction (callback body).</summary>
internal sealed record InteractionResponse(InteractionResponseType Type, DiscordMessage? Data = null);
