using System.Threading.Channels;

namespace Bot.Host.Discord.Interactions;

/// <summary>Interactions waiting for <see cref="InteractionWorker"/>; closed on shutdown so in-flight work can drain.</summary>
internal sealed class InteractionQueue
{
    private readonly Channel<InteractionWorkItem> _channel = Channel.CreateUnbounded<InteractionWorkItem>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<InteractionWorkItem> Reader => _channel.Reader;

    /// <summary>False once shutdown has begun.</summary>
    public bool TryEnqueue(InteractionWorkItem item) => _channel.Writer.TryWrite(item);

    public void Complete() => _channel.Writer.TryComplete();
}
