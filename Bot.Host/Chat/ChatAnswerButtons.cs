namespace Bot.Host.Chat;

/// <summary>
/// The buttons under an answer: "Helpful" / "Not helpful" always, and "Show sources" / "Hide sources" when the
/// answer is long (its quotes take room a reader may want back). Replies that are not stored answers
/// (errors, help, timelines) get none.
/// </summary>
public static class ChatAnswerButtons
{
    /// <summary>More quotes than this, or more quoted text than <see cref="LongQuoteCharacters"/>, makes an answer long.</summary>
    public const int LongQuoteCount = 2;
    public const int LongQuoteCharacters = 600;

    public static IReadOnlyList<ChatButton> For(ChatReply reply)
    {
        if (reply.AnswerId is not { } id) return [];
        var buttons = new List<ChatButton>
        {
            new("Helpful", new ChatAction(ChatActionKind.Helpful, id)),
            new("Not helpful", new ChatAction(ChatActionKind.NotHelpful, id)),
        };
        if (reply.SourcesHidden) buttons.Add(new("Show sources", new ChatAction(ChatActionKind.ShowSources, id)));
        else if (IsLong(reply)) buttons.Add(new("Hide sources", new ChatAction(ChatActionKind.HideSources, id)));
        return buttons;
    }

    /// <summary>The reply as platforms should show it: with <see cref="ChatReply.SourcesHidden"/>, the quotes folded into a note.</summary>
    public static ChatReply Displayed(ChatReply reply) => !reply.SourcesHidden || reply.Quotes.Count == 0 ? reply : reply with
    {
        Text = $"{reply.Text}\n\n({reply.Quotes.Count} quoted source{(reply.Quotes.Count == 1 ? "" : "s")} hidden: press Show sources to " +
            $"see them.)",
        Quotes = [],
    };

    public static bool IsLong(ChatReply reply) =>
        reply.Quotes.Count > LongQuoteCount || reply.Quotes.Sum(q => q.Text.Length) > LongQuoteCharacters;
}

/// <summary>A button under an answer, in neutral terms; each platform renders it as its own component.</summary>
public sealed record ChatButton(string Label, ChatAction Action);
