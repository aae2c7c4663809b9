namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>The gateway envelope <c>{op, d, s, t}</c>; <c>s</c> and <c>t</c> are set only on dispatches.</summary>
internal sealed record GatewayPayload(GatewayOpCode Op, JsonElement D, int? S = null, string? T = null);
