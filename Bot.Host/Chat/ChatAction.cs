namespace Bot.Host.Chat;

/// <summary>What a button under an answer does.</summary>
public enum ChatActionKind { Helpful, NotHelpful, ShowSources, HideSources }

/// <summary>
/// A button click as any platform delivers it: which button, on which answer. <see cref="Id"/> is the
/// platform's button id (Discord <c>custom_id</c>, Slack <c>action_id</c>), e.g. <c>feedback:up:3f2a…</c>.
/// </summary>
public sealed record ChatAction(ChatActionKind Kind, string AnswerId)
{
    private static readonly (ChatActionKind Kind, string Prefix)[] Prefixes =
    [
        (ChatActionKind.Helpful, "feedback:up:"),
        (ChatActionKind.NotHelpful, "feedback:down:"),
        (ChatActionKind.ShowSources, "sources:show:"),
        (ChatActionKind.HideSources, "sources:hide:"),
    ];

    public string Id => Prefixes.First(p => p.Kind == Kind).Prefix + AnswerId;

    public static ChatAction? Parse(string? id)
    {
        if (id is null) return null;
        foreach (var (kind, prefix) in Prefixes)
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length)
                return new ChatAction(kind, id[prefix.Length..]);
        return null;
    }
}
