using System.Text.RegularExpressions;
using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// Answers the messages addressed to the bot: <c>app_mention</c> events in channels and <c>message</c> events in
/// its direct messages (<c>channel_type</c> "im"), each in the message's thread. Messages from bots (ours
/// included), edits, deletions and other system messages are ignored. The thread's <c>ts</c> is the
/// conversation key, so a later message in the same thread is a follow-up with the earlier turns as context.
/// </summary>
internal sealed partial class SlackMessageHandler(
    AuthApi auth,
    ChatService chat,
    SlackBlockRenderer renderer,
    ChatApi chatApi,
    FilesApi files,
    IOptions<SlackOptions> options,
    ILogger<SlackMessageHandler> logger)
{
    public const string Platform = "slack";

    public async Task HandleAsync(SlackEvent ev, CancellationToken cancellationToken)
    {
        var identity = await auth.GetBotIdentityAsync(cancellationToken);
        if (IgnoreReason(ev, identity) is { } reason)
        {
            SlackLog.Ignored(logger, reason);
            return;
        }
        var threadTs = ev.ThreadTs ?? ev.Ts!;
        var question = StripMention(ev.Text ?? "", identity.UserId);
        var reply = ChatHelp.IsHelpRequest(question)
            ? ChatHelp.Reply(SlackSlashCommandHandler.Usages(options.Value.SlashCommand))
            : await chat.AskAsync(new ChatRequest(Platform, ev.User!, ev.Channel!, threadTs, question), cancellationToken);

        var content = renderer.Render(reply);
        if (reply.Ephemeral)
        {
            // Refusals (rate limit, empty question) go to the asker only, not to everyone in the thread.
            await chatApi.PostEphemeralAsync(new PostEphemeralRequest
            {
                Channel = ev.Channel!, User = ev.User!, ThreadTs = threadTs, Text = content.Text, Blocks = content.Blocks,
            }, cancellationToken);
            return;
        }
        await chatApi.PostMessageAsync(new PostMessageRequest
        {
            Channel = ev.Channel!,
            ThreadTs = threadTs,
            Text = content.Text,
            Blocks = content.Blocks,
        }, cancellationToken);
        if (reply.Image is { } image) await files.UploadAsync(image, ev.Channel!, threadTs, cancellationToken);
    }

    /// <summary>Why an event gets no answer, or null when it should be answered.</summary>
    public static string? IgnoreReason(SlackEvent ev, SlackBotIdentity self) => ev switch
    {
        { Type: "message", ChannelType: not "im" } => "a message outside the bot's direct messages",
        { Type: not ("app_mention" or "message") } => $"event type {ev.Type}",
        { Subtype: not null } => $"subtype {ev.Subtype}", // bot_message, message_changed, message_deleted, joins...
        { Hidden: true } => "hidden message",
        { BotId: not null } when ev.BotId == self.BotId => "our own bot message",
        { BotId: not null } => "message from a bot",
        { User: null } => "no user",
        _ when ev.User == self.UserId => "our own message",
        { Channel: null } or { Ts: null } => "no channel or ts",
        _ => null,
    };

    /// <summary>Removes the bot's own mention (<c>&lt;@U123&gt;</c> or <c>&lt;@W123|name&gt;</c>); other mentions stay.</summary>
    public static string StripMention(string text, string botUserId)
    {
        var stripped = MentionPattern().Replace(text, m => m.Groups["id"].Value == botUserId ? " " : m.Value);
        return RepeatedSpaces().Replace(stripped, " ").Trim();
    }

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();
}
