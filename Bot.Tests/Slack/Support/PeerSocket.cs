using System.Net.WebSockets;

namespace Bot.Tests.Slack.Support;

/// <summary>The server end of one Socket Mode connection, driven by the test.</summary>
internal sealed class PeerSocket(WebSocket socket, int ticket)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Which <c>apps.connections.open</c> call handed out this connection's URL (1, 2, ...).</summary>
    public int Ticket { get; } = ticket;
    public Task Done => _done.Task;
    public WebSocketState State => socket.State;

    public Task SendAsync(string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);

    public Task SendAsync(JsonNode json, CancellationToken cancellationToken) => SendAsync(json.ToJsonString(), cancellationToken);

    public Task SendHelloAsync(CancellationToken cancellationToken) =>
        SendAsync(SlackFixtures.Text("slack_socket_hello.json"), cancellationToken);

    /// <summary>The next text frame from the bot, or null once the bot closed the socket.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try { result = await socket.ReceiveAsync(buffer, cancellationToken); }
            catch (WebSocketException) { _done.TrySetResult(); return null; }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                _done.TrySetResult();
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    public async Task<JsonObject> ReceiveJsonAsync(CancellationToken cancellationToken) =>
        JsonNode.Parse(await ReceiveAsync(cancellationToken) ?? throw new InvalidOperationException("socket closed"))!.AsObject();

    /// <summary>Drops the TCP connection without a close handshake, like a network failure.</summary>
    public void Abort()
    {
        socket.Abort();
        _done.TrySetResult();
    }

    public void Release() => _done.TrySetResult();
}
