namespace Bot.Host.Chat;

/// <summary>
/// Answers a slash command from any platform (<c>/layoffs</c> on Slack and Discord).
/// Platforms only translate their payload into a <see cref="ChatCommand"/> and render the reply.
/// </summary>
public interface IChatCommandHandler
{
    Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken ct);
}
