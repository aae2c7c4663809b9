using System.Net.WebSockets;
using System.Threading.Channels;

namespace Bot.Tests.Discord.Support;

/// <summary>
/// The server side of one gateway WebSocket: the test sends scripted payloads and expects the
/// bot's. Heartbeats are recorded apart (and ACKed unless <see cref="AutoAckHeartbeats"/> is off)
/// so they never get in the way of expectations.
/// </summary>
internal sealed class GatewayPeerConnection(WebSocket socket, string path)
{
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly Channel<JsonNode> _heartbeats = Channel.CreateUnbounded<JsonNode>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>"/gateway" for a new session, "/resume" for the resume URL given in READY.</summary>
    public string Path { get; } = path;
    public bool AutoAckHeartbeats { get; set; } = true;

    /// <summary>The close code the bot sent, or null when the socket just dropped.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult(result.CloseStatus);
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var node = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length))!;
                message.SetLength(0);
                if ((int?)node["op"] == 1)
                {
                    await _heartbeats.Writer.WriteAsync(node, cancellationToken);
                    if (AutoAckHeartbeats) await SendAsync("""{"op":11}""", cancellationToken);
                }
                else await _received.Writer.WriteAsync(node, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The bot dropped the socket (or the test ended): that is what Closed reports.
        }
        finally
        {
            _closed.TrySetResult(null);
            _received.Writer.TryComplete();
            _heartbeats.Writer.TryComplete();
        }
    }

    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken); }
        finally { _sendLock.Release(); }
    }

    public Task SendAsync(JsonNode payload, CancellationToken cancellationToken) => SendAsync(payload.ToJsonString(), cancellationToken);

    /// <summary>The next non-heartbeat payload from the bot, which must carry <paramref name="op"/>.</summary>
    public async Task<JsonNode> ExpectAsync(int op, CancellationToken cancellationToken)
    {
        var node = await _received.Reader.ReadAsync(cancellationToken);
        Assert.Equal(op, (int?)node["op"]);
        return node;
    }

    public ValueTask<JsonNode> NextHeartbeatAsync(CancellationToken cancellationToken) => _heartbeats.Reader.ReadAsync(cancellationToken);

    public bool TryTakeHeartbeat(out JsonNode? heartbeat) => _heartbeats.Reader.TryRead(out heartbeat);

    /// <summary>Closes from the gateway's side with a Discord close code (e.g. 4004).</summary>
    public Task CloseAsync(int code, string reason, CancellationToken cancellationToken) =>
        socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);

    /// <summary>An abrupt drop: no close frame, as when the network fails.</summary>
    public void Drop() => socket.Abort();

    /// <summary>HELLO (fixture) with the given heartbeat interval.</summary>
    public Task SendHelloAsync(CancellationToken cancellationToken)
    {
        var hello = DiscordFixtures.Json("gateway_hello.json");
        return SendAsync(hello, cancellationToken);
    }
}
