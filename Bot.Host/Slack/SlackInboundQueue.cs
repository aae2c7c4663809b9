using System.Threading.Channels;

namespace Bot.Host.Slack;

/// <summary>
/// Bounded hand-off between the fast acknowledgement (socket ack, HTTP 200) and the slow answering.
/// Bounded so a flood waits (Socket Mode) or is refused with 503 (HTTP) instead of growing memory.
/// </summary>
internal sealed class SlackInboundQueue
{
    public const int Capacity = 256;
    private readonly Channel<SlackInbound> _channel = Channel.CreateBounded<SlackInbound>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<SlackInbound> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(SlackInbound item, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(item, cancellationToken);

    public bool TryEnqueue(SlackInbound item) => _channel.Writer.TryWrite(item);
}
