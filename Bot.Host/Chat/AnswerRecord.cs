using LiteDB;

namespace Bot.Host.Chat;

/// <summary>
/// An answer shown in a chat, kept so its buttons work: the question, the mode, the citations (and the
/// reply to re-render for "Show sources"), and the vote tallies the <c>feedback</c> command reads.
/// </summary>
public sealed class AnswerRecord
{
    [BsonId] public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string Question { get; set; } = "";
    public string? Mode { get; set; }
    public string Text { get; set; } = "";
    public bool NoAnswer { get; set; }
    public List<AnswerCitationRecord> Citations { get; set; } = [];
    public List<string> Lines { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Helpful { get; set; }
    public int NotHelpful { get; set; }
    public DateTime? LastVoteAt { get; set; }
}

/// <summary>One numbered verbatim quote of an answer and where it comes from.</summary>
public sealed class AnswerCitationRecord
{
    public int N { get; set; }
    public string Quote { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public string? Publisher { get; set; }
    public string? Published { get; set; }
}
