using System.Net.WebSockets;
using System.Threading.Channels;

namespace Bot.Host.Net;

/// <summary>
/// One WebSocket's lifetime: connect, reassemble text frames into whole messages, serialise sends,
/// and report how the socket closed. Knows nothing about Discord or Slack payloads.
/// </summary>
public sealed class WebSocketConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    // The receive loop lives as long as the socket, not as long as the connect token: cancelling a
    // ClientWebSocket receive aborts the socket, which would make a clean close (e.g. 1000 on
    // shutdown) impossible once the caller's token fires.
    private readonly CancellationTokenSource _lifetime = new();
    private Task? _receiveLoop;

    /// <summary>Close status sent by the peer (e.g. Discord 4004), once the socket has closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public string? CloseDescription => _socket.CloseStatusDescription;
    public WebSocketState State => _socket.State;

    /// <summary>Whole text messages in arrival order; completes when the socket closes or fails.</summary>
    public ChannelReader<string> Messages => _messages.Reader;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(uri, cancellationToken);
        _receiveLoop = ReceiveLoopAsync(_lifetime.Token);
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(cancellationToken);
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken); }
        finally { _sendLock.Release(); }
    }

    /// <summary>Closes with the given code. Discord treats 1000/1001 as "session over"; use 4000+ to keep it resumable.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try { await _socket.CloseOutputAsync(status, description, cancellationToken); }
            catch (WebSocketException) { /* the peer is already gone; nothing left to close */ }
        }
    }

    /// <summary>Drops the connection without a close handshake (used for zombied connections).</summary>
    public void Abort() => _socket.Abort();

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        Exception? failure = null;
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (result.MessageType == WebSocketMessageType.Text)
                    await _messages.Writer.WriteAsync(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length),
                        cancellationToken);
                message.SetLength(0);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException ex) { failure = ex; }
        finally { _messages.Writer.TryComplete(failure); }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        _socket.Abort();
        if (_receiveLoop is not null)
        {
            try { await _receiveLoop; } catch (Exception) { /* already reported through Messages */ }
        }
        _socket.Dispose();
        _sendLock.Dispose();
        _lifetime.Dispose();
    }
}
