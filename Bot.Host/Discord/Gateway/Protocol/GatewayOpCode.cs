namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>Gateway opcodes we send or receive (protocols.md §1.2).</summary>
internal enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
