namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>op 6 data.</summary>
internal sealed record GatewayResume(string Token, string SessionId, int Seq);
