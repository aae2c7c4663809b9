namespace Bot.Host.Slack.SocketMode.Protocol;

/// <summary>The acknowledgement Slack expects within 3 seconds of each envelope.</summary>
internal sealed record SocketAck(string EnvelopeId, WebApi.Protocol.ResponseUrlMessage? Payload = null);
