namespace Bot.Host.Chat;

/// <summary>
/// The command handler until the full command set lands: "ask" goes to <see cref="ChatService"/>,
/// every other command answers that it is not available yet.
/// </summary>
internal sealed class DefaultChatCommandHandler(ChatService chat) : IChatCommandHandler
{
    public Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken ct)
    {
        if (command.Name != "ask") return Task.FromResult(ChatReply.Error("not available yet"));
        var question = command.Options.TryGetValue("question", out var q) ? q : command.Request.Text;
        return chat.AskAsync(command.Request with { Text = question }, ct);
    }
}
