using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Bot.Host.Chat;

/// <summary>
/// Answers shown in chats and the votes on them, in the knowledge base's LiteDB file. One vote per user
/// per answer (changeable); user ids are stored only as a keyed hash. Answers older than
/// <see cref="ChatOptions.FeedbackRetentionDays"/> take no more clicks, and those nobody voted on are
/// deleted then, so the file does not grow with every answer forever.
/// </summary>
public sealed class AnswerFeedbackStore(KnowledgeDatabase database, IOptions<ChatOptions> options, TimeProvider time)
{
    public const string AnswersCollection = "chat_answers";
    public const string VotesCollection = "chat_feedback";
    private const string HashKeyMetaId = "feedback_user_hash_key";
    // Read-modify-write of an answer's tallies and its vote must not interleave (one process owns the file).
    private readonly Lock _writeLock = new();
    private byte[]? _hashKey;
    private bool _indexed;

    private ILiteCollection<AnswerRecord> Answers => database.Database.GetCollection<AnswerRecord>(AnswersCollection);
    private ILiteCollection<FeedbackVoteRecord> Votes => database.Database.GetCollection<FeedbackVoteRecord>(VotesCollection);

    public TimeSpan Retention => TimeSpan.FromDays(Math.Max(1, options.Value.FeedbackRetentionDays));

    /// <summary>Keeps an answer so its buttons can refer to it; returns its id.</summary>
    public string Record(string platform, string question, ChatReply reply)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var record = new AnswerRecord
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Platform = platform,
            Question = question,
            Mode = reply.Mode,
            Text = reply.Text,
            NoAnswer = reply.NoAnswer,
            Citations = reply.Quotes.Select(q => new AnswerCitationRecord
            {
                N = q.N, Quote = q.Text, Title = q.Source.Title, Url = q.Source.Url, Publisher = q.Source.Publisher, Published = q.Source.Published,
            }).ToList(),
            Lines = reply.Lines.ToList(),
            CreatedAt = now,
        };
        lock (_writeLock)
        {
            if (!_indexed)
            {
                Answers.EnsureIndex(a => a.CreatedAt); // the pruning below looks answers up by age
                _indexed = true;
            }
            var cutoff = now - Retention;
            Answers.DeleteMany(a => a.CreatedAt < cutoff && a.Helpful == 0 && a.NotHelpful == 0);
            Answers.Insert(record);
        }
        return record.Id;
    }

    /// <summary>The answer, or null when unknown; <paramref name="expired"/> when it is past the retention period.</summary>
    public AnswerRecord? Find(string answerId, out bool expired)
    {
        var record = Answers.FindById(answerId);
        expired = record is not null && time.GetUtcNow().UtcDateTime - record.CreatedAt > Retention;
        return record;
    }

    public VoteOutcome Vote(string answerId, string platform, string userId, bool helpful)
    {
        lock (_writeLock)
        {
            var answer = Find(answerId, out var expired);
            if (answer is null) return VoteOutcome.UnknownAnswer;
            if (expired) return VoteOutcome.Expired;

            var userHash = HashUser(platform, userId);
            var voteId = $"{answerId}:{userHash}";
            var previous = Votes.FindById(voteId);
            if (previous?.Helpful == helpful) return VoteOutcome.Unchanged;

            var now = time.GetUtcNow().UtcDateTime;
            if (previous is not null)
            {
                if (previous.Helpful) answer.Helpful--; else answer.NotHelpful--;
            }
            if (helpful) answer.Helpful++; else answer.NotHelpful++;
            answer.LastVoteAt = now;
            Votes.Upsert(new FeedbackVoteRecord { Id = voteId, AnswerId = answerId, UserHash = userHash, Helpful = helpful, At = now });
            Answers.Update(answer);
            return previous is null ? VoteOutcome.Recorded : VoteOutcome.Changed;
        }
    }

    /// <summary>Answers with at least one "not helpful" vote, the most recently voted first.</summary>
    public IReadOnlyList<AnswerRecord> LatestNotHelpful(int limit) =>
        Answers.Query().Where(a => a.NotHelpful > 0).OrderByDescending(a => a.LastVoteAt).Limit(Math.Max(1, limit)).ToList();

    public FeedbackCounts Counts() => new(
        Answers.Count(),
        Votes.Count(v => v.Helpful),
        Votes.Count(v => !v.Helpful));

    /// <summary>
    /// The stored form of a user id: HMAC-SHA256 under a random per-database key, so votes cannot be read as ids
    /// or linked across databases. (The key sits in the same file: someone holding the file and a candidate id
    /// could still test it.)
    /// </summary>
    public string HashUser(string platform, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(HashKey(), Encoding.UTF8.GetBytes($"{platform}:{userId}")));

    private byte[] HashKey()
    {
        if (_hashKey is { } known) return known;
        lock (_writeLock)
        {
            if (_hashKey is { } raced) return raced;
            if (database.ReadMeta(HashKeyMetaId)?["value"] is { IsBinary: true } stored) return _hashKey = stored.AsBinary;
            var key = RandomNumberGenerator.GetBytes(32);
            database.WriteMeta(new BsonDocument { ["_id"] = HashKeyMetaId, ["value"] = key });
            return _hashKey = key;
        }
    }
}

/// <summary>How many answers are kept and how the votes on them split, for <c>/health</c>.</summary>
public sealed record FeedbackCounts(int Answers, int Helpful, int NotHelpful);
