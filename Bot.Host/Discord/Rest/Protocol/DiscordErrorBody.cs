namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>Discord's JSON error: <c>{code, message, errors}</c> (e.g. 50035 Invalid Form Body).</summary>
internal sealed record DiscordErrorBody(int Code, string? Message, JsonElement? Errors);
