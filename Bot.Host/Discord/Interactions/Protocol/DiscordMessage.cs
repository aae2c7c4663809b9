namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>Message data for callbacks, webhook edits and follow-ups.</summary>
internal sealed record DiscordMessage
{
    public string? Content { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }
    /// <summary>Always present: we parse no mentions, so quoted text can never ping anyone.</summary>
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;
    public int? Flags { get; init; }
    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }
    /// <summary>Buttons under the message; an empty list removes existing ones when editing.</summary>
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    /// <summary>EPHEMERAL message flag (1 &lt;&lt; 6).</summary>
    public const int EphemeralFlag = 64;
}
