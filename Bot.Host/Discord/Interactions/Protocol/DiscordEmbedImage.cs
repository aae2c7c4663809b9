namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>An embed image; <c>attachment://file.png</c> points at a file sent in the same request.</summary>
internal sealed record DiscordEmbedImage(string Url);
