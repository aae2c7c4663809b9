// System.Text.Json's, not the JsonSerializer of LiteDB (imported for the whole project).
using JsonSerializer = System.Text.Json.JsonSerializer;
using NpgsqlTypes;

namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// The PostgreSQL <see cref="IDocumentStore"/> (and <see cref="IKnowledgeMeta"/>), shared by every instance. A save writes the
/// document, its passages (embeddings as bytea), what indexers derive from it and the revision bump in one transaction,
/// and notifies <see cref="ChangeChannel"/> with the new revision, which PostgreSQL delivers to listeners on commit.
/// </summary>
public sealed class PostgresDocumentStore : PostgresStore, IDocumentStore, IKnowledgeMeta, IKnowledgeChangeFeed
{
    /// <summary>The LISTEN/NOTIFY channel of committed document changes; the payload is the revision.</summary>
    public const string ChangeChannel = "layoffbot_knowledge";

    public const string Module = "knowledge_documents";

    private const string DocumentColumns =
        "id, title, url, source_key, publisher, published_raw, published, published_precision, companies, source_kind, content_hash, " +
        "source_path, text, ingested_at, version";

    /// <summary>How far back the change log reaches; an index older than this rebuilds.</summary>
    public const int KeptRevisions = 10_000;

    // Trimmed once in this many revisions, so a save does not pay for it every time.
    private const int TrimEvery = 256;

    private readonly TimeProvider _time;

    // While an instance follows the change notifications, the newest revision it heard of (or committed); -1 when it does not,
    // and every read of the revision asks the database. Questions read it several times each.
    private long _followed = -1;

    public PostgresDocumentStore(PostgresDatabase database, TimeProvider time)
        : base(database, Module)
    {
        _time = time;
        var builder = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString);
        Location = $"PostgreSQL database {builder.Database} on {builder.Host}";
    }

    public string Location { get; }

    public long Revision => Volatile.Read(ref _followed) is >= 0 and var followed ? followed : ReadRevision();

    /// <summary>
    /// From now on the revision is what <see cref="Heard"/> reports, not a query per read. Call it once the LISTEN is in place,
    /// so no commit falls between the revision read here and the first notification.
    /// </summary>
    public void StartFollowing() => Interlocked.Exchange(ref _followed, ReadRevision());

    /// <summary>A revision a notification reported (ignored unless following).</summary>
    public void Heard(long revision)
    {
        for (var known = Volatile.Read(ref _followed); known >= 0 && revision > known; known = Volatile.Read(ref _followed))
            if (Interlocked.CompareExchange(ref _followed, revision, known) == known) return;
    }

    /// <summary>The notifications stopped (a lost connection): the revision is read from the database again.</summary>
    public void StopFollowing() => Interlocked.Exchange(ref _followed, -1);

    private long ReadRevision() => Run(c => c.Scalar<long>("SELECT revision FROM knowledge_revision WHERE id = 1"));

    public DocumentRecord? Get(string id) => FindDocuments("WHERE id = @id", ("id", id)).FirstOrDefault();

    public DocumentRecord? FindBySourceKey(string sourceKey) =>
        FindDocuments("WHERE source_key = @key", ("key", IndexKeys.Bounded(sourceKey))).FirstOrDefault();

    public DocumentRecord? FindByContentHash(string hash) =>
        FindDocuments("WHERE content_hash = @hash ORDER BY id LIMIT 1", ("hash", hash)).FirstOrDefault();

    public IReadOnlyList<DocumentRecord> ListDocuments() => FindDocuments("ORDER BY id");

    public IReadOnlyList<DocumentRecord> IngestedOrPublished(
        DateTime ingestedFrom, DateTime ingestedTo, DateTime publishedFrom, DateTime publishedTo) =>
        FindDocuments("WHERE (ingested_at >= @if AND ingested_at < @it) OR (published >= @pf AND published < @pt) ORDER BY id",
            ("if", PostgresSession.Utc(ingestedFrom)), ("it", PostgresSession.Utc(ingestedTo)),
            ("pf", PostgresSession.Utc(publishedFrom)), ("pt", PostgresSession.Utc(publishedTo)));

    public IEnumerable<string> DocumentCompanies() => Run(c => c.Query("SELECT unnest(companies) FROM documents", r => r.GetString(0)));

    public int DocumentCount => (int)Run(c => c.Scalar<long>("SELECT count(*) FROM documents"));

    public int PassageCount => (int)Run(c => c.Scalar<long>("SELECT count(*) FROM passages"));

    public IEnumerable<PassageRecord> AllPassages() =>
        Run(c => c.Query("SELECT id, document_id, idx, start_offset, end_offset, text, embedding FROM passages ORDER BY id", ReadPassage));

    public IReadOnlyList<PassageRecord> PassagesOf(string documentId) =>
        Run(c => c.Query(
            "SELECT id, document_id, idx, start_offset, end_offset, text, embedding FROM passages WHERE document_id = @id ORDER BY idx",
            ReadPassage, ("id", documentId)));

    public T ReadCorpus<T>(Func<StoredCorpus, T> read)
    {
        using var connection = Database.DataSource.OpenConnection();
        // One snapshot: a save committed while the index reads cannot pair a new revision with old passages.
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var revision = connection.Scalar<long>("SELECT revision FROM knowledge_revision WHERE id = 1");
        var documents = connection.Query($"SELECT {DocumentColumns} FROM documents ORDER BY id", ReadDocument);
        var passageCount = (int)connection.Scalar<long>("SELECT count(*) FROM passages");
        var result = read(new StoredCorpus(revision, documents, passageCount, StreamPassages(connection)));
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// From the <c>document_changes</c> rows, read with the revision in one snapshot; null when the log misses a revision.
    /// </summary>
    public KnowledgeChanges? ChangesSince(long revision)
    {
        using var connection = Database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var current = connection.Scalar<long>("SELECT revision FROM knowledge_revision WHERE id = 1");
        if (revision == current) return new KnowledgeChanges(current, []);
        if (revision > current) return null; // an index of another database
        var rows = connection.Query("SELECT document_id FROM document_changes WHERE revision > @revision", r => r.GetString(0),
            ("revision", revision));
        transaction.Commit();
        // One row per revision: a missing one (trimmed) hides what changed.
        return rows.Count == current - revision ? new KnowledgeChanges(current, rows.ToHashSet(StringComparer.Ordinal)) : null;
    }

    public SaveOutcome Save(DocumentRecord document, IReadOnlyList<PassageRecord> passages, Action<DocumentRecord>? inTransaction = null)
    {
        document.SourceKey = IndexKeys.Bounded(document.SourceKey);
        document.Companies = document.Companies.Select(IndexKeys.Bounded).ToList();
        document.IngestedAt = _time.GetUtcNow().UtcDateTime;
        var (outcome, revision) = InTransaction(connection =>
        {
            bool added;
            using (var upsert = connection.Command(
                $"INSERT INTO documents ({DocumentColumns}) " +
                "VALUES (@id, @title, @url, @source_key, @publisher, @published_raw, @published, " +
                "@published_precision, @companies, @source_kind, @content_hash, @source_path, @text, @ingested_at, 1) " +
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, source_key = excluded.source_key, " +
                "publisher = excluded.publisher, published_raw = excluded.published_raw, published = excluded.published, " +
                "published_precision = excluded.published_precision, companies = excluded.companies, source_kind = excluded.source_kind, " +
                "content_hash = excluded.content_hash, source_path = excluded.source_path, text = excluded.text, " +
                "ingested_at = excluded.ingested_at, version = documents.version + 1 " +
                "RETURNING version, (xmax = 0)",
                ("id", document.Id), ("title", document.Title), ("url", document.Url), ("source_key", document.SourceKey),
                ("publisher", document.Publisher), ("published_raw", document.PublishedRaw),
                ("published", document.Published is { } published ? PostgresSession.Utc(published) : null),
                ("published_precision", document.PublishedPrecision), ("companies", document.Companies.ToArray()),
                ("source_kind", document.SourceKind), ("content_hash", document.ContentHash), ("source_path", document.SourcePath),
                ("text", document.Text), ("ingested_at", document.IngestedAt)))
            using (var reader = upsert.ExecuteReader())
            {
                reader.Read();
                document.Version = reader.GetInt32(0);
                added = reader.GetBoolean(1);
            }
            connection.Execute("DELETE FROM passages WHERE document_id = @id", ("id", document.Id));
            WritePassages(connection, passages);
            inTransaction?.Invoke(document);
            return (added ? SaveOutcome.Added : SaveOutcome.Updated, BumpRevision(connection, document.Id));
        });
        Heard(revision); // this instance's own commit, before its notification comes back
        return outcome;
    }

    public void Log(string source, string outcome, string? reason = null, string? documentId = null) =>
        Run(c => c.Execute(
            "INSERT INTO ingest_log (at, source, outcome, reason, document_id) VALUES (@at, @source, @outcome, @reason, @document)",
            ("at", _time.GetUtcNow().UtcDateTime), ("source", source), ("outcome", outcome), ("reason", reason), ("document", documentId)));

    public string DatabaseId() => Run(c =>
    {
        c.Execute("INSERT INTO knowledge_meta (key, value) VALUES ('instance', @id) ON CONFLICT (key) DO NOTHING",
            ("id", Guid.NewGuid().ToString("N")));
        return c.Scalar<string>("SELECT value FROM knowledge_meta WHERE key = 'instance'")!;
    });

    public SeedingProgress? ReadSeeding() =>
        Run(c => c.Scalar<string>("SELECT value FROM knowledge_meta WHERE key = 'seed'")) is { } json
            ? JsonSerializer.Deserialize<SeedingProgress>(json)
            : null;

    public void WriteSeeding(SeedingProgress progress) =>
        Run(c => c.Execute(
            "INSERT INTO knowledge_meta (key, value) VALUES ('seed', @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("value", JsonSerializer.Serialize(progress))));

    /// <summary>
    /// Counts one more committed change, records which document it wrote, and tells the listening instances when the
    /// transaction commits. The change log keeps <see cref="KeptRevisions"/> revisions.
    /// </summary>
    private static long BumpRevision(NpgsqlConnection connection, string documentId)
    {
        var revision = connection.Scalar<long>("UPDATE knowledge_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision");
        connection.Execute("INSERT INTO document_changes (revision, document_id) VALUES (@revision, @id)",
            ("revision", revision), ("id", documentId));
        if (revision % TrimEvery == 0)
            connection.Execute("DELETE FROM document_changes WHERE revision <= @oldest", ("oldest", revision - KeptRevisions));
        connection.Execute("SELECT pg_notify(@channel, @payload)",
            ("channel", ChangeChannel), ("payload", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return revision;
    }

    private static void WritePassages(NpgsqlConnection connection, IReadOnlyList<PassageRecord> passages)
    {
        if (passages.Count == 0) return;
        using var import = connection.BeginBinaryImport(
            "COPY passages (id, document_id, idx, start_offset, end_offset, text, embedding) FROM STDIN (FORMAT BINARY)");
        foreach (var p in passages)
        {
            import.StartRow();
            import.Write(p.Id, NpgsqlDbType.Text);
            import.Write(p.DocumentId, NpgsqlDbType.Text);
            import.Write(p.Index, NpgsqlDbType.Integer);
            import.Write(p.Start, NpgsqlDbType.Integer);
            import.Write(p.End, NpgsqlDbType.Integer);
            import.Write(p.Text, NpgsqlDbType.Text);
            import.Write(p.Embedding, NpgsqlDbType.Bytea);
        }
        import.Complete();
    }

    private static IEnumerable<PassageRecord> StreamPassages(NpgsqlConnection connection)
    {
        // Not text: the index reads offsets and vectors, and the text is the document's between the offsets.
        using var command = connection.Command(
            "SELECT id, document_id, idx, start_offset, end_offset, '' AS text, embedding FROM passages");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return ReadPassage(reader);
    }

    private List<DocumentRecord> FindDocuments(string where, params (string Name, object? Value)[] parameters) =>
        Run(c => c.Query($"SELECT {DocumentColumns} FROM documents {where}", ReadDocument, parameters));

    private static DocumentRecord ReadDocument(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0), Title = r.GetString(1), Url = Nullable(r, 2), SourceKey = r.GetString(3), Publisher = Nullable(r, 4),
        PublishedRaw = Nullable(r, 5), Published = r.IsDBNull(6) ? null : r.GetFieldValue<DateTime>(6), PublishedPrecision = Nullable(r, 7),
        Companies = [.. r.GetFieldValue<string[]>(8)], SourceKind = r.GetString(9), ContentHash = r.GetString(10),
        SourcePath = Nullable(r, 11),
        Text = r.GetString(12), IngestedAt = r.GetFieldValue<DateTime>(13), Version = r.GetInt32(14),
    };

    private static PassageRecord ReadPassage(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0), DocumentId = r.GetString(1), Index = r.GetInt32(2), Start = r.GetInt32(3), End = r.GetInt32(4),
        Text = r.GetString(5), Embedding = r.GetFieldValue<byte[]>(6),
    };

    private static string? Nullable(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
