namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>op 2 data.</summary>
internal sealed record GatewayIdentify(string Token, int Intents, GatewayIdentifyProperties Properties);
