namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>Body of <c>GET /gateway/bot</c>.</summary>
internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit? SessionStartLimit);
