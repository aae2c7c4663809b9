namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>A message component: an action row (type 1) holding buttons (type 2, style 2 = secondary grey).</summary>
internal sealed record DiscordComponent
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;
    public const int SecondaryStyle = 2;

    public required int Type { get; init; }
    public IReadOnlyList<DiscordComponent>? Components { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
}
