using System.Net.Http.Json;
using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// Interactions after the transport acknowledged them, answered through the payload's <c>response_url</c>:
/// button clicks under answers (<c>block_actions</c>: a vote gets a note only the clicker sees, "Show/Hide
/// sources" replaces the answer message) and the message shortcut "Ask LayoffBot about this"
/// (<c>message_action</c>: the message's text is asked as a question, answered only for the user).
/// </summary>
internal sealed class SlackInteractionHandler(
    ChatActionHandler actions,
    ChatService chat,
    SlackBlockRenderer renderer,
    SlackWebApiClient client,
    ILogger<SlackInteractionHandler> logger)
{
    /// <summary>The message shortcut's callback id (see the manifest in docs/slack.md).</summary>
    public const string AskShortcutCallbackId = "ask_layoffbot";

    public async Task HandleAsync(SlackInteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload is { Type: "message_action", CallbackId: AskShortcutCallbackId, User: not null })
        {
            await AnswerMessageAsync(payload, payload.User, cancellationToken);
            return;
        }
        if (payload.Type != "block_actions" || payload.User is null || payload.Actions is not [var clicked, ..])
        {
            SlackLog.Ignored(logger, $"interaction {payload.Type}");
            return;
        }
        var action = ChatAction.Parse(clicked.ActionId);
        var result = action is null
            ? ChatActionResult.Private("That button no longer does anything; please ask again.")
            : actions.Handle(action, SlackMessageHandler.Platform, payload.User.Id);
        var message = result.Updated is { } updated
            ? Message(renderer.Render(updated), "in_channel", replaceOriginal: true)
            : Message(renderer.Render(ChatReply.Note(result.Note ?? "")), "ephemeral", replaceOriginal: false);
        await RespondAsync(payload, message, cancellationToken);
    }

    private async Task AnswerMessageAsync(SlackInteractionPayload payload, SlackInteractionUser user, CancellationToken cancellationToken)
    {
        var question = SlackText.Unescape(payload.Message?.Text ?? "").Trim();
        var reply = question.Length == 0
            ? ChatReply.Note("That message has no text I can read, so there is no question to answer.")
            : await chat.AskAsync(new ChatRequest(SlackMessageHandler.Platform, user.Id, payload.Channel?.Id ?? "unknown", null, question),
                cancellationToken);
        await RespondAsync(payload, Message(renderer.Render(reply), "ephemeral", replaceOriginal: false), cancellationToken);
    }

    /// <summary>Posts to the interaction's <c>response_url</c> (no token needed; valid 30 minutes, 5 uses).</summary>
    public async Task RespondAsync(SlackInteractionPayload payload, ResponseUrlMessage message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUrl) || responseUrl.Scheme is not ("https" or "http"))
            throw new SlackApiException("response_url", "invalid_response_url");
        await client.PostToUrlAsync("response_url", responseUrl,
            () => JsonContent.Create(message, SlackJsonContext.Default.ResponseUrlMessage), cancellationToken);
    }

    public static ResponseUrlMessage Message(SlackMessageContent content, string responseType, bool replaceOriginal) => new()
    {
        ResponseType = responseType,
        Text = content.Text,
        Blocks = content.Blocks,
        ReplaceOriginal = replaceOriginal,
    };
}
