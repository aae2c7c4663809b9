namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>Body of <c>GET /oauth2/applications/@me</c>: the part we use.</summary>
internal sealed record DiscordApplication(string Id, string? Name);
