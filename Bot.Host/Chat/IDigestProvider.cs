namespace Bot.Host.Chat;

/// <summary>The latest daily digest as a neutral reply, for <c>/digest</c>.</summary>
public interface IDigestProvider
{
    Task<ChatReply> LatestAsync(CancellationToken cancellationToken);
}
