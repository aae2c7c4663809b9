namespace Bot.Knowledge.Storage;

/// <summary>
/// Owns the LiteDB file: opens it, checks the schema version, creates collections and indexes.
/// One instance per process (LiteDB's direct mode is thread-safe within a process, not across processes:
/// a file is opened under a <see cref="WriterLock"/>).
/// </summary>
public sealed class KnowledgeDatabase : IDisposable
{
    /// <summary>Bump when stored shapes change incompatibly. 2: titles made readable (<see cref="ReadableTitle"/>).</summary>
    public const int SchemaVersion = 2;

    public ILiteDatabase Database { get; }
    public string? FilePath { get; }

    public ILiteCollection<DocumentRecord> Documents => Database.GetCollection<DocumentRecord>("documents");
    public ILiteCollection<PassageRecord> Passages => Database.GetCollection<PassageRecord>("passages");
    public ILiteCollection<IngestLogRecord> IngestLog => Database.GetCollection<IngestLogRecord>("ingest_log");

    private static readonly Lock SchemaLock = new();

    private readonly WriterLock? _writerLock;

    private KnowledgeDatabase(ILiteDatabase database, string? filePath, WriterLock? writerLock = null)
    {
        Database = database;
        FilePath = filePath;
        _writerLock = writerLock;
        // LiteDB's global BsonMapper publishes an entity mapper before filling its members: two databases
        // opened at once could see a half-built one ("Member SourceKey not found"). The first EnsureSchema maps every type.
        lock (SchemaLock) EnsureSchema();
    }

    /// <summary>
    /// Opens (or creates) the file once no other process has it open, waiting up to <paramref name="writerWait"/>
    /// and calling <paramref name="onWaiting"/> once if it has to wait.
    /// </summary>
    /// <exception cref="DatabaseBusyException">Another process still has the file after the wait.</exception>
    public static KnowledgeDatabase Open(string path, TimeSpan writerWait = default, Action<string>? onWaiting = null)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var writerLock = WriterLock.Acquire(full, writerWait, onWaiting);
        try
        {
            return new KnowledgeDatabase(new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }),
                full, writerLock);
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database for tests and benchmarks.</summary>
    public static KnowledgeDatabase InMemory() => new(new LiteDatabase(new MemoryStream()), null);

    /// <summary>A database on streams of the caller's choice (tests inject a failing log stream to play a full disk).</summary>
    internal static KnowledgeDatabase OnStreams(Stream data, Stream log) => new(new LiteDatabase(data, null, log), null);

    /// <summary>Increases on every committed change so in-memory indexes know when to rebuild.</summary>
    public long Revision => Meta.FindById("revision")?["value"].AsInt64 ?? 0;

    public void BumpRevision()
    {
        var next = Revision + 1;
        Meta.Upsert(new BsonDocument { ["_id"] = "revision", ["value"] = next });
    }

    /// <summary>The collection of records about the database (<see cref="ReadMeta"/>), revisions among them.</summary>
    public const string MetaCollection = "meta";

    private ILiteCollection<BsonDocument> Meta => Database.GetCollection(MetaCollection);

    /// <summary>A named record about the database itself (schema, revision, seeding progress), or null.</summary>
    public BsonDocument? ReadMeta(string id) => Meta.FindById(id);

    /// <summary>Writes a record read by <see cref="ReadMeta"/>; its <c>_id</c> names it.</summary>
    public void WriteMeta(BsonDocument record) => Meta.Upsert(record);

    private void EnsureSchema()
    {
        var found = Meta.FindById("schema");
        if (found is null)
        {
            Meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = SchemaVersion });
        }
        else if (found["version"].AsInt32 > SchemaVersion)
        {
            throw new KnowledgeDatabaseException(FilePath ?? "(memory)",
                $"The knowledge base {FilePath ?? "(memory)"} has schema version {found["version"].AsInt32}, newer than this build " +
                    $"understands ({SchemaVersion}). Upgrade LayoffBot or use another --db path.");
        }
        else if (found["version"].AsInt32 < SchemaVersion)
        {
            Upgrade(found["version"].AsInt32);
        }
        Documents.EnsureIndex(d => d.SourceKey, unique: true);
        Documents.EnsureIndex(d => d.ContentHash);
        Documents.EnsureIndex(d => d.Published);
        Documents.EnsureIndex("companies", "$.Companies[*]");
        Passages.EnsureIndex(p => p.DocumentId);
        IngestLog.EnsureIndex(l => l.At);
    }

    /// <summary>Brings a file written by an older build up to <see cref="SchemaVersion"/>, in one transaction.</summary>
    private void Upgrade(int from) => LiteTransaction.Run(Database, () =>
    {
        if (from < 2)
        {
            // Titles stored as "unknown (...)", hash-like slugs or ids ("F 445134d771 f97dc244 ...", "234861.html").
            foreach (var document in Documents.FindAll().Where(d => !ReadableTitle.IsReadable(d.Title)).ToList())
            {
                Enum.TryParse<DatePrecision>(document.PublishedPrecision, ignoreCase: true, out var precision);
                document.Title = ReadableTitle.For(document.Title, document.Url, document.Text, document.Publisher, document.Published,
                    document.PublishedPrecision is null ? null : precision);
                Documents.Update(document);
            }
        }
        Meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = SchemaVersion });
        BumpRevision();
        return true;
    });

    public void Dispose()
    {
        try
        {
            Database.Dispose();
        }
        finally
        {
            _writerLock?.Dispose(); // only once the file is closed may another process open it
        }
    }
}
