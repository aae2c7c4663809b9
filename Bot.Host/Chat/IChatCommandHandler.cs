namespace Bot.Host.Chat;

/// <summary>Runs one platform-neutral command and returns the reply the platform edge renders.</summary>
public interface IChatCommandHandler
{
    Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken);
}
