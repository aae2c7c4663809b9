namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>The READY dispatch: the parts we keep (session, resume URL, application).</summary>
internal sealed record GatewayReady(string SessionId, string ResumeGatewayUrl, GatewayReadyApplication? Application);
