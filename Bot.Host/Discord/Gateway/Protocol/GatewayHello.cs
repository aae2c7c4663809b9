namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>op 10 data.</summary>
internal sealed record GatewayHello(int HeartbeatInterval);
