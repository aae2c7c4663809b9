namespace Bot.Knowledge.Storage;

/// <summary>
/// The LiteDB <see cref="IDocumentStore"/>. A document and its passages are written in one LiteDB transaction,
/// so a failure part-way leaves the previous version (or nothing) visible.
/// </summary>
public sealed class DocumentStore(KnowledgeDatabase db, TimeProvider time) : IDocumentStore
{
    public KnowledgeDatabase Database => db;

    public string Location => db.FilePath ?? "(memory)";

    public long Revision => db.Revision;

    public DocumentRecord? Get(string id) => db.Documents.FindById(id);
    public DocumentRecord? FindBySourceKey(string sourceKey)
    {
        var key = IndexKeys.Bounded(sourceKey);
        return db.Documents.FindOne(d => d.SourceKey == key);
    }
    public DocumentRecord? FindByContentHash(string hash) => db.Documents.FindOne(d => d.ContentHash == hash);

    public IReadOnlyList<DocumentRecord> ListDocuments() => db.Documents.FindAll().ToList();

    public IReadOnlyList<DocumentRecord> IngestedOrPublished(
        DateTime ingestedFrom, DateTime ingestedTo, DateTime publishedFrom, DateTime publishedTo)
    {
        var ingested = Query.And(Query.GTE(nameof(DocumentRecord.IngestedAt), ingestedFrom),
            Query.LT(nameof(DocumentRecord.IngestedAt), ingestedTo));
        var published = Query.And(Query.GTE(nameof(DocumentRecord.Published), publishedFrom),
            Query.LT(nameof(DocumentRecord.Published), publishedTo));
        return db.Documents.Find(Query.Or(ingested, published)).ToList();
    }

    // A projection: a document's text is never loaded to learn its companies.
    public IEnumerable<string> DocumentCompanies() =>
        db.Database.GetCollection(db.Documents.Name).Query()
            .Select(BsonExpression.Create("{ c: $.Companies }")).ToEnumerable()
            .SelectMany(d => d["c"].IsArray ? d["c"].AsArray.Where(v => v.IsString).Select(v => v.AsString) : []);

    public int DocumentCount => db.Documents.Count();
    public int PassageCount => db.Passages.Count();
    public IEnumerable<PassageRecord> AllPassages() => db.Passages.FindAll();
    public IReadOnlyList<PassageRecord> PassagesOf(string documentId) =>
        db.Passages.Find(p => p.DocumentId == documentId).OrderBy(p => p.Index).ToList();

    // One process writes the file (WriterLock), and writes happen between reads, as they always did.
    public T ReadCorpus<T>(Func<StoredCorpus, T> read) =>
        read(new StoredCorpus(db.Revision, db.Documents.FindAll().ToList(), db.Passages.Count(), db.Passages.FindAll()));

    public SaveOutcome Save(DocumentRecord document, IReadOnlyList<PassageRecord> passages, Action<DocumentRecord>? inTransaction = null)
    {
        // Indexed values are bounded; the whole URL and path stay in Url and SourcePath.
        document.SourceKey = IndexKeys.Bounded(document.SourceKey);
        document.Companies = document.Companies.Select(IndexKeys.Bounded).ToList();
        return LiteTransaction.Run(db.Database, () =>
        {
            var existing = db.Documents.FindById(document.Id);
            db.Passages.DeleteMany(p => p.DocumentId == document.Id);
            document.Version = (existing?.Version ?? 0) + 1;
            document.IngestedAt = time.GetUtcNow().UtcDateTime;
            db.Documents.Upsert(document);
            db.Passages.InsertBulk(passages);
            inTransaction?.Invoke(document);
            db.BumpRevision();
            LiteKnowledgeChangeFeed.Record(db, document.Id);
            return existing is null ? SaveOutcome.Added : SaveOutcome.Updated;
        });
    }

    public void Log(string source, string outcome, string? reason = null, string? documentId = null) =>
        db.IngestLog.Insert(new IngestLogRecord
        {
            At = time.GetUtcNow().UtcDateTime, Source = source, Outcome = outcome, Reason = reason, DocumentId = documentId,
        });
}
