using LiteDB;

namespace Bot.Knowledge.Storage;

public enum SaveOutcome { Added, Updated, Unchanged }

/// <summary>
/// Reads and writes documents with their passages. A document and its passages are written in one
/// LiteDB transaction, so a failure part-way leaves the previous version (or nothing) visible.
/// </summary>
public sealed class DocumentStore(KnowledgeDatabase db, TimeProvider time)
{
    public KnowledgeDatabase Database => db;

    public DocumentRecord? Get(string id) => db.Documents.FindById(id);
    public DocumentRecord? FindBySourceKey(string sourceKey)
    {
        var key = IndexKeys.Bounded(sourceKey);
        return db.Documents.FindOne(d => d.SourceKey == key);
    }
    public DocumentRecord? FindByContentHash(string hash) => db.Documents.FindOne(d => d.ContentHash == hash);

    public IReadOnlyList<DocumentRecord> ListDocuments() => db.Documents.FindAll().ToList();
    public int DocumentCount => db.Documents.Count();
    public int PassageCount => db.Passages.Count();
    public IEnumerable<PassageRecord> AllPassages() => db.Passages.FindAll();

    /// <summary>
    /// Replaces any stored version of <paramref name="document"/> (same id) with it and its passages, atomically;
    /// <paramref name="inTransaction"/> writes data derived from the document in the same transaction.
    /// </summary>
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
