using System.Security.Cryptography;

namespace Bot.Host.Chat;

/// <summary>
/// Answers shown in chats and the votes on them. One vote per user per answer (changeable); user ids are stored only
/// as a keyed hash. Answers older than <see cref="ChatOptions.FeedbackRetentionDays"/> take no more clicks, and those
/// nobody voted on are deleted then, so the store does not grow with every answer forever. LiteDB (one process) and
/// PostgreSQL (shared: a button clicked on an answer another instance gave still works) implement it.
/// </summary>
public interface IAnswerFeedbackStore
{
    TimeSpan Retention { get; }

    /// <summary>Keeps an answer so its buttons can refer to it; returns its id.</summary>
    string Record(string platform, string question, ChatReply reply);

    /// <summary>The answer, or null when unknown; <paramref name="expired"/> when it is past the retention period.</summary>
    AnswerRecord? Find(string answerId, out bool expired);

    VoteOutcome Vote(string answerId, string platform, string userId, bool helpful);

    /// <summary>Answers with at least one "not helpful" vote, the most recently voted first.</summary>
    IReadOnlyList<AnswerRecord> LatestNotHelpful(int limit);

    FeedbackCounts Counts();

    /// <summary>
    /// The stored form of a user id: HMAC-SHA256 under a random per-database key, so votes cannot be read as ids or
    /// linked across databases. (The key sits in the same database: someone holding it and a candidate id could still test it.)
    /// </summary>
    string HashUser(string platform, string userId);
}

/// <summary>How many answers are kept and how the votes on them split, for <c>/health</c>.</summary>
public sealed record FeedbackCounts(int Answers, int Helpful, int NotHelpful);

/// <summary>What both stores share: an answer's stored form, a new answer id, the user hash and the retention.</summary>
internal static class AnswerFeedback
{
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static byte[] NewHashKey() => RandomNumberGenerator.GetBytes(32);

    public static string HashUser(byte[] key, string platform, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{platform}:{userId}")));

    public static TimeSpan Retention(ChatOptions options) => TimeSpan.FromDays(Math.Max(1, options.FeedbackRetentionDays));

    public static AnswerRecord NewRecord(string platform, string question, ChatReply reply, DateTime now) => new()
    {
        Id = NewId(),
        Platform = platform,
        Question = question,
        Mode = reply.Mode,
        Text = reply.Text,
        NoAnswer = reply.NoAnswer,
        Citations = reply.Quotes.Select(q => new AnswerCitationRecord
        {
            N = q.N, Quote = q.Text, Title = q.Source.Title, Url = q.Source.Url, Publisher = q.Source.Publisher,
            Published = q.Source.Published,
        }).ToList(),
        Lines = reply.Lines.ToList(),
        CreatedAt = now,
    };

    /// <summary>Moves the tallies of <paramref name="answer"/> for a vote; null when the vote is the one already counted.</summary>
    public static VoteOutcome? Apply(AnswerRecord answer, bool? previous, bool helpful, DateTime now)
    {
        if (previous == helpful) return null;
        if (previous is { } was)
        {
            if (was) answer.Helpful--; else answer.NotHelpful--;
        }
        if (helpful) answer.Helpful++; else answer.NotHelpful++;
        answer.LastVoteAt = now;
        return previous is null ? VoteOutcome.Recorded : VoteOutcome.Changed;
    }
}
