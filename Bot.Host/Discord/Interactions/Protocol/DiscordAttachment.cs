namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>Attachment metadata in <c>payload_json</c>; <c>id</c> matches the <c>files[id]</c> part.</summary>
internal sealed record DiscordAttachment(int Id, string Filename, string? Description);
