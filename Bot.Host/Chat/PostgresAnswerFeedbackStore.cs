namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IAnswerFeedbackStore"/> in PostgreSQL, shared by every instance: a vote locks its answer's row
/// (<c>SELECT ... FOR UPDATE</c>) so two clicks on two instances move the tallies one after the other, and the user-hash
/// key is created once for all instances (the first insert wins).
/// </summary>
public sealed class PostgresAnswerFeedbackStore(PostgresDatabase database, IOptions<ChatOptions> options, TimeProvider time)
    : PostgresStore(database, Module), IAnswerFeedbackStore
{
    public const string Module = "chat_feedback";

    private const string Columns =
        "id, platform, question, mode, text, no_answer, citations, lines, created_at, helpful, not_helpful, last_vote_at";
    private const string HashKeyName = "feedback_user_hash_key";

    private byte[]? _hashKey;

    public TimeSpan Retention => AnswerFeedback.Retention(options.Value);

    public string Record(string platform, string question, ChatReply reply)
    {
        var now = Now();
        var record = AnswerFeedback.NewRecord(platform, question, reply, now);
        // One round trip: expired answers nobody voted on go as a new one comes.
        Run(c => c.Execute(
            "DELETE FROM chat_answers WHERE created_at < @cutoff AND helpful = 0 AND not_helpful = 0; " +
            "INSERT INTO chat_answers (id, platform, question, mode, text, no_answer, citations, lines, created_at) " +
            "VALUES (@id, @platform, @question, @mode, @text, @none, @citations::jsonb, @lines::jsonb, @at)",
            ("cutoff", now - Retention), ("id", record.Id), ("platform", record.Platform), ("question", record.Question),
            ("mode", record.Mode), ("text", record.Text), ("none", record.NoAnswer),
            ("citations", PostgresSession.ToJson(record.Citations)), ("lines", PostgresSession.ToJson(record.Lines)), ("at", now)));
        return record.Id;
    }

    public AnswerRecord? Find(string answerId, out bool expired)
    {
        var record = Run(c => Find(c, answerId, forUpdate: false));
        expired = record is not null && IsExpired(record);
        return record;
    }

    public VoteOutcome Vote(string answerId, string platform, string userId, bool helpful)
    {
        var userHash = HashUser(platform, userId);
        return InTransaction(c =>
        {
            var answer = Find(c, answerId, forUpdate: true);
            if (answer is null) return VoteOutcome.UnknownAnswer;
            if (IsExpired(answer)) return VoteOutcome.Expired;
            var previous = c.Scalar<bool?>(
                "SELECT helpful FROM chat_votes WHERE answer_id = @answer AND user_hash = @user", ("answer", answerId), ("user", userHash));
            var now = Now();
            if (AnswerFeedback.Apply(answer, previous, helpful, now) is not { } outcome) return VoteOutcome.Unchanged;
            c.Execute(
                "INSERT INTO chat_votes (answer_id, user_hash, helpful, at) VALUES (@answer, @user, @helpful, @at) " +
                "ON CONFLICT (answer_id, user_hash) DO UPDATE SET helpful = excluded.helpful, at = excluded.at; " +
                "UPDATE chat_answers SET helpful = @helpfuls, not_helpful = @not, last_vote_at = @at WHERE id = @answer",
                ("answer", answerId), ("user", userHash), ("helpful", helpful), ("at", now), ("helpfuls", answer.Helpful),
                ("not", answer.NotHelpful));
            return outcome;
        });
    }

    public IReadOnlyList<AnswerRecord> LatestNotHelpful(int limit) => Run(c => c.Query(
        $"SELECT {Columns} FROM chat_answers WHERE not_helpful > 0 ORDER BY last_vote_at DESC LIMIT @limit", Read,
        ("limit", Math.Max(1, limit))));

    public FeedbackCounts Counts() => Run(c => c.Query(
        "SELECT (SELECT count(*) FROM chat_answers), count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful) " +
        "FROM chat_votes",
        r => new FeedbackCounts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2))).Single());

    // Two first callers at once may both load the key: the database hands both the same one.
    public string HashUser(string platform, string userId) =>
        AnswerFeedback.HashUser(LazyInitializer.EnsureInitialized(ref _hashKey, LoadHashKey), platform, userId);

    private byte[] LoadHashKey() => Run(c => c.Scalar<byte[]>(
        "INSERT INTO chat_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING; " +
        "SELECT value FROM chat_meta WHERE key = @key",
        ("key", HashKeyName), ("value", AnswerFeedback.NewHashKey()))!);

    private bool IsExpired(AnswerRecord record) => Now() - record.CreatedAt > Retention;

    private static AnswerRecord? Find(NpgsqlConnection connection, string answerId, bool forUpdate) => connection.Query(
        $"SELECT {Columns} FROM chat_answers WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", Read, ("id", answerId)).SingleOrDefault();

    private static AnswerRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0), Platform = reader.GetString(1), Question = reader.GetString(2),
        Mode = reader.IsDBNull(3) ? null : reader.GetString(3), Text = reader.GetString(4), NoAnswer = reader.GetBoolean(5),
        Citations = JsonSerializer.Deserialize<List<AnswerCitationRecord>>(reader.GetString(6)) ?? [],
        Lines = JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [],
        CreatedAt = reader.GetDateTime(8), Helpful = reader.GetInt32(9), NotHelpful = reader.GetInt32(10),
        LastVoteAt = reader.IsDBNull(11) ? null : reader.GetDateTime(11),
    };

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
