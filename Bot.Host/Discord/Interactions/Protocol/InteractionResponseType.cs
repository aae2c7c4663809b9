namespace Bot.Host.Discord.Interactions.Protocol;

internal enum InteractionResponseType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
}
