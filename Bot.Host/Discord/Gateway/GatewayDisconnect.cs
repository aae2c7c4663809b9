namespace Bot.Host.Discord.Gateway;

/// <summary>How one gateway connection ended; the input of <see cref="GatewayReconnectPolicy"/>.</summary>
internal sealed record GatewayDisconnect(GatewayDisconnectKind Kind, int? CloseCode = null, string? Detail = null, bool Resumable = false)
{
    public static GatewayDisconnect Closed(int? code, string? description) => new(GatewayDisconnectKind.Closed, code, description);
    public static GatewayDisconnect Dropped(string detail) => new(GatewayDisconnectKind.Dropped, Detail: detail);
    public static GatewayDisconnect Zombied() => new(GatewayDisconnectKind.Zombied, Detail: "no heartbeat ACK");
    public static GatewayDisconnect ReconnectRequested() => new(GatewayDisconnectKind.ReconnectRequested, Detail: "op 7 RECONNECT");
    public static GatewayDisconnect InvalidSession(bool resumable)
        => new(GatewayDisconnectKind.InvalidSession, Detail: "op 9 INVALID_SESSION", Resumable: resumable);
    public static GatewayDisconnect ConnectFailed(string detail) => new(GatewayDisconnectKind.ConnectFailed, Detail: detail);

    public override string ToString() => CloseCode is { } code ? $"{Kind} {code} {Detail}".Trim() : $"{Kind} ({Detail})";
}
