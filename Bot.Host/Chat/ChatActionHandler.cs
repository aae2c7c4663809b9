namespace Bot.Host.Chat;

/// <summary>
/// Runs a button click from any platform: stores a vote (one per user, changeable) or rebuilds the stored
/// answer with its sources shown or hidden. Only local database work, so platforms can answer within
/// their 3 seconds without deferring.
/// </summary>
public sealed class ChatActionHandler(IAnswerFeedbackStore store)
{
    public ChatActionResult Handle(ChatAction action, string platform, string userId)
    {
        switch (action.Kind)
        {
            case ChatActionKind.Helpful or ChatActionKind.NotHelpful:
                var helpful = action.Kind == ChatActionKind.Helpful;
                return ChatActionResult.Private(store.Vote(action.AnswerId, platform, userId, helpful) switch
                {
                    VoteOutcome.Recorded => $"Thanks! I noted that this answer was {(helpful ? "helpful" : "not helpful")}.",
                    VoteOutcome.Changed => $"Thanks, I changed your vote to {(helpful ? "helpful" : "not helpful")}.",
                    VoteOutcome.Unchanged => $"You already marked this answer as {(helpful ? "helpful" : "not helpful")}.",
                    VoteOutcome.Expired => Expired(),
                    _ => Unknown,
                });
            default:
                var answer = store.Find(action.AnswerId, out var expired);
                if (answer is null) return ChatActionResult.Private(Unknown);
                if (expired) return ChatActionResult.Private(Expired());
                return ChatActionResult.Replace(ToReply(answer) with { SourcesHidden = action.Kind == ChatActionKind.HideSources });
        }
    }

    private const string Unknown = "Sorry, I can't find that answer any more. Please ask the question again.";

    private string Expired() =>
        $"Sorry, that answer is more than {store.Retention.TotalDays:0} days old, so its buttons no longer work. Please ask the question " +
            $"again for a fresh answer.";

    /// <summary>The stored answer as the reply it was shown as.</summary>
    public static ChatReply ToReply(AnswerRecord answer) => new()
    {
        Text = answer.Text,
        Quotes = answer.Citations.Select(c
            => new ChatQuote(c.N, c.Quote, new ChatSource(c.Title, c.Url, c.Publisher, c.Published))).ToList(),
        Lines = answer.Lines,
        NoAnswer = answer.NoAnswer,
        Mode = answer.Mode,
        AnswerId = answer.Id,
    };
}
