using System.Net;

namespace Bot.Host.Discord.Rest;

/// <summary>A Discord REST call that failed for good; carries Discord's error code and message (never the token).</summary>
internal sealed class DiscordRestException(string route, HttpStatusCode status, int? code, string? discordMessage)
    : Exception($"Discord {route} failed with {(int)status} {status}{(code is null ? "" : $" (code {code}: {discordMessage})")}.")
{
    public string Route { get; } = route;
    public HttpStatusCode Status { get; } = status;
    public int? Code { get; } = code;
    public string? DiscordMessage { get; } = discordMessage;
}
