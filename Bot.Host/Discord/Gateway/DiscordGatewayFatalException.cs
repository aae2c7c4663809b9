namespace Bot.Host.Discord.Gateway;

/// <summary>The gateway refused us in a way reconnecting cannot fix (e.g. close 4004: bad token).</summary>
internal sealed class DiscordGatewayFatalException(string message) : Exception(message);
