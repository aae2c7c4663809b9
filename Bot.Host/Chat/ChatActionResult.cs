namespace Bot.Host.Chat;

/// <summary>
/// The outcome of a button click: a private note to the clicker (votes, refusals) or the answer re-rendered
/// in place of the message the button is on (show/hide sources).
/// </summary>
public sealed record ChatActionResult(string? Note, ChatReply? Updated)
{
    public static ChatActionResult Private(string note) => new(note, null);
    public static ChatActionResult Replace(ChatReply reply) => new(null, reply);
}
