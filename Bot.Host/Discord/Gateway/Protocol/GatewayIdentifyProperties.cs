namespace Bot.Host.Discord.Gateway.Protocol;

internal sealed record GatewayIdentifyProperties(string Os, string Browser, string Device);
