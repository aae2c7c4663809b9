namespace Bot.Host.Discord.Gateway;

internal sealed record GatewayReconnectDecision(GatewayReconnectAction Action, TimeSpan Delay, string Reason);
