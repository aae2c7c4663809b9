using Bot.Knowledge.Watches;

namespace Bot.Tests.Watches.Support;

/// <summary>The <c>watch</c> command sent through a running host's real command handler, as a chat user would.</summary>
internal static class WatchCommands
{
    public static Task<ChatReply> SendAsync(IServiceProvider services, string platform, string channel, string action,
        string company, bool isAdmin) =>
        services.GetRequiredService<IChatCommandHandler>().HandleAsync(new ChatCommand("watch",
            new Dictionary<string, string> { [ChatCommand.SubcommandOption] = action, [WatchCommand.CompanyOption] = company },
            new ChatRequest(platform, "U1", channel, null, company), isAdmin), TestContext.Current.CancellationToken);
}
