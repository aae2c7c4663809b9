using LiteDB;

namespace Bot.Host.Chat;

/// <summary><see cref="IAnswerFeedbackStore"/> in the knowledge base's LiteDB file (one process).</summary>
public sealed class LiteDbAnswerFeedbackStore(KnowledgeDatabase database, IOptions<ChatOptions> options, TimeProvider time)
    : IAnswerFeedbackStore
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

    public TimeSpan Retention => AnswerFeedback.Retention(options.Value);

    public string Record(string platform, string question, ChatReply reply)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var record = AnswerFeedback.NewRecord(platform, question, reply, now);
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
            var now = time.GetUtcNow().UtcDateTime;
            if (AnswerFeedback.Apply(answer, Votes.FindById(voteId)?.Helpful, helpful, now) is not { } outcome)
                return VoteOutcome.Unchanged;
            Votes.Upsert(new FeedbackVoteRecord { Id = voteId, AnswerId = answerId, UserHash = userHash, Helpful = helpful, At = now });
            Answers.Update(answer);
            return outcome;
        }
    }

    public IReadOnlyList<AnswerRecord> LatestNotHelpful(int limit) =>
        Answers.Query().Where(a => a.NotHelpful > 0).OrderByDescending(a => a.LastVoteAt).Limit(Math.Max(1, limit)).ToList();

    public FeedbackCounts Counts() => new(
        Answers.Count(),
        Votes.Count(v => v.Helpful),
        Votes.Count(v => !v.Helpful));

    public string HashUser(string platform, string userId) => AnswerFeedback.HashUser(HashKey(), platform, userId);

    private byte[] HashKey()
    {
        if (_hashKey is { } known) return known;
        lock (_writeLock)
        {
            if (_hashKey is { } raced) return raced;
            if (database.ReadMeta(HashKeyMetaId)?["value"] is { IsBinary: true } stored) return _hashKey = stored.AsBinary;
            var key = AnswerFeedback.NewHashKey();
            database.WriteMeta(new BsonDocument { ["_id"] = HashKeyMetaId, ["value"] = key });
            return _hashKey = key;
        }
    }
}
