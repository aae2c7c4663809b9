namespace Bot.Host.Discord.Interactions.Protocol;

internal enum DiscordInteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
