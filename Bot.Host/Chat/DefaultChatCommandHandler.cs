namespace Bot.Host.Chat;

/// <summary>
/// The command handler used until the other commands are built: "ask" goes to
/// <see cref="ChatService"/>, anything else gets a polite "not available yet".
/// </summary>
internal sealed class DefaultChatCommandHandler(ChatService chat) : IChatCommandHandler
{
    public Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken) =>
        command.Name switch
        {
            "ask" => chat.AskAsync(command.Request, cancellationToken),
            _ => Task.FromResult(ChatReply.Error($"/{command.Name} is not available yet.")),
        };
}
