namespace Bot.Host.Discord.Interactions.Protocol;

internal sealed record DiscordEmbed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? Color { get; init; }
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }
    public DiscordEmbedFooter? Footer { get; init; }
    public DiscordEmbedImage? Image { get; init; }
}
