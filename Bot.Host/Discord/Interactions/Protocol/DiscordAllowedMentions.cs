namespace Bot.Host.Discord.Interactions.Protocol;

internal sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse)
{
    public static DiscordAllowedMentions None { get; } = new([]);
}
