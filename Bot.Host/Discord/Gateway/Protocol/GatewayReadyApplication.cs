namespace Bot.Host.Discord.Gateway.Protocol;

internal sealed record GatewayReadyApplication(string Id);
