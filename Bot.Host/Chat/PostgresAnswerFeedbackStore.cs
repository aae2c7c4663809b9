using System.Text.Json;
using Bot.Knowledge.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Host.Chat;

/// <summary>
/// <see cref="IAnswerFeedbackStore"/> in PostgreSQL, shared by every instance: a vote locks its answer's row
/// (<c>SELECT ... FOR UPDATE</c>) so two clicks on two instances move the tallies one after the other, and the user-hash
/// key is created once for all instances (the first insert wins).
/// </summary>
public sealed class PostgresAnswerFeedbackStore : IAnswerFeedbackStore
{
    public const string Module = "chat_feedback";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE chat_answers (
            id text PRIMARY KEY,
            platform text NOT NULL,
            question text NOT NULL,
            mode text,
            text text NOT NULL,
            no_answer boolean NOT NULL,
            citations jsonb NOT NULL,
            lines jsonb NOT NULL,
            created_at timestamptz NOT NULL,
            helpful integer NOT NULL DEFAULT 0,
            not_helpful integer NOT NULL DEFAULT 0,
            last_vote_at timestamptz);
        CREATE INDEX chat_answers_created ON chat_answers (created_at);
        CREATE TABLE chat_votes (
            answer_id text NOT NULL,
            user_hash text NOT NULL,
            helpful boolean NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (answer_id, user_hash));
        CREATE TABLE chat_meta (key text PRIMARY KEY, value bytea NOT NULL)
        """,
    ];

    private const string Columns =
        "id, platform, question, mode, text, no_answer, citations, lines, created_at, helpful, not_helpful, last_vote_at";
    private const string HashKeyName = "feedback_user_hash_key";

    private readonly NpgsqlDataSource _data;
    private readonly IOptions<ChatOptions> _options;
    private readonly TimeProvider _time;
    private readonly Lazy<byte[]> _hashKey;

    public PostgresAnswerFeedbackStore(PostgresDatabase database, IOptions<ChatOptions> options, TimeProvider time)
    {
        database.EnsureModule(Module, Migrations);
        _data = database.DataSource;
        _options = options;
        _time = time;
        _hashKey = new Lazy<byte[]>(LoadHashKey);
    }

    public TimeSpan Retention => AnswerFeedback.Retention(_options.Value);

    public string Record(string platform, string question, ChatReply reply)
    {
        var now = Now();
        var record = AnswerFeedback.NewRecord(platform, question, reply, now);
        using var batch = _data.CreateBatch();
        var prune = new NpgsqlBatchCommand("DELETE FROM chat_answers WHERE created_at < @cutoff AND helpful = 0 AND not_helpful = 0");
        prune.Parameters.AddWithValue("cutoff", now - Retention);
        batch.BatchCommands.Add(prune);
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO chat_answers (id, platform, question, mode, text, no_answer, citations, lines, created_at) " +
            "VALUES (@id, @platform, @question, @mode, @text, @none, @citations, @lines, @at)");
        insert.Parameters.AddWithValue("id", record.Id);
        insert.Parameters.AddWithValue("platform", record.Platform);
        insert.Parameters.AddWithValue("question", record.Question);
        insert.Parameters.AddWithValue("mode", (object?)record.Mode ?? DBNull.Value);
        insert.Parameters.AddWithValue("text", record.Text);
        insert.Parameters.AddWithValue("none", record.NoAnswer);
        insert.Parameters.AddWithValue("citations", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(record.Citations));
        insert.Parameters.AddWithValue("lines", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(record.Lines));
        insert.Parameters.AddWithValue("at", now);
        batch.BatchCommands.Add(insert);
        batch.ExecuteNonQuery();
        return record.Id;
    }

    public AnswerRecord? Find(string answerId, out bool expired)
    {
        using var connection = _data.OpenConnection();
        var record = Find(connection, null, answerId, forUpdate: false);
        expired = record is not null && IsExpired(record);
        return record;
    }

    public VoteOutcome Vote(string answerId, string platform, string userId, bool helpful)
    {
        var userHash = HashUser(platform, userId);
        using var connection = _data.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var answer = Find(connection, transaction, answerId, forUpdate: true);
        if (answer is null) return VoteOutcome.UnknownAnswer;
        if (IsExpired(answer)) return VoteOutcome.Expired;

        bool? previous;
        using (var read = new NpgsqlCommand(
            "SELECT helpful FROM chat_votes WHERE answer_id = @answer AND user_hash = @user", connection, transaction))
        {
            read.Parameters.AddWithValue("answer", answerId);
            read.Parameters.AddWithValue("user", userHash);
            previous = read.ExecuteScalar() is bool was ? was : null;
        }
        var now = Now();
        if (AnswerFeedback.Apply(answer, previous, helpful, now) is not { } outcome) return VoteOutcome.Unchanged;
        using (var vote = new NpgsqlCommand(
            "INSERT INTO chat_votes (answer_id, user_hash, helpful, at) VALUES (@answer, @user, @helpful, @at) " +
            "ON CONFLICT (answer_id, user_hash) DO UPDATE SET helpful = excluded.helpful, at = excluded.at", connection, transaction))
        {
            vote.Parameters.AddWithValue("answer", answerId);
            vote.Parameters.AddWithValue("user", userHash);
            vote.Parameters.AddWithValue("helpful", helpful);
            vote.Parameters.AddWithValue("at", now);
            vote.ExecuteNonQuery();
        }
        using (var tally = new NpgsqlCommand(
            "UPDATE chat_answers SET helpful = @helpful, not_helpful = @not, last_vote_at = @at WHERE id = @answer",
            connection, transaction))
        {
            tally.Parameters.AddWithValue("answer", answerId);
            tally.Parameters.AddWithValue("helpful", answer.Helpful);
            tally.Parameters.AddWithValue("not", answer.NotHelpful);
            tally.Parameters.AddWithValue("at", now);
            tally.ExecuteNonQuery();
        }
        transaction.Commit();
        return outcome;
    }

    public IReadOnlyList<AnswerRecord> LatestNotHelpful(int limit)
    {
        using var command = _data.CreateCommand(
            $"SELECT {Columns} FROM chat_answers WHERE not_helpful > 0 ORDER BY last_vote_at DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", Math.Max(1, limit));
        return Read(command);
    }

    public FeedbackCounts Counts()
    {
        using var command = _data.CreateCommand(
            "SELECT (SELECT count(*) FROM chat_answers), count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful) " +
            "FROM chat_votes");
        using var reader = command.ExecuteReader();
        reader.Read();
        return new FeedbackCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    public string HashUser(string platform, string userId) => AnswerFeedback.HashUser(_hashKey.Value, platform, userId);

    private byte[] LoadHashKey()
    {
        using var command = _data.CreateCommand(
            "INSERT INTO chat_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING; " +
            "SELECT value FROM chat_meta WHERE key = @key");
        command.Parameters.AddWithValue("key", HashKeyName);
        command.Parameters.AddWithValue("value", AnswerFeedback.NewHashKey());
        return (byte[])command.ExecuteScalar()!;
    }

    private bool IsExpired(AnswerRecord record) => Now() - record.CreatedAt > Retention;

    private static AnswerRecord? Find(NpgsqlConnection connection, NpgsqlTransaction? transaction, string answerId, bool forUpdate)
    {
        using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM chat_answers WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", connection, transaction);
        command.Parameters.AddWithValue("id", answerId);
        return Read(command).SingleOrDefault();
    }

    private static List<AnswerRecord> Read(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<AnswerRecord>();
        while (reader.Read())
        {
            records.Add(new AnswerRecord
            {
                Id = reader.GetString(0), Platform = reader.GetString(1), Question = reader.GetString(2),
                Mode = reader.IsDBNull(3) ? null : reader.GetString(3), Text = reader.GetString(4), NoAnswer = reader.GetBoolean(5),
                Citations = JsonSerializer.Deserialize<List<AnswerCitationRecord>>(reader.GetString(6)) ?? [],
                Lines = JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [],
                CreatedAt = reader.GetDateTime(8), Helpful = reader.GetInt32(9), NotHelpful = reader.GetInt32(10),
                LastVoteAt = reader.IsDBNull(11) ? null : reader.GetDateTime(11),
            });
        }
        return records;
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
