namespace Bot.Knowledge.Storage;

public enum SaveOutcome { Added, Updated, Unchanged }

/// <summary>
/// Documents with their passages, the ingestion log and the revision that counts committed changes. Implemented over
/// LiteDB (<see cref="DocumentStore"/>) and PostgreSQL (<see cref="Postgres.PostgresDocumentStore"/>), with one contract:
/// a document and its passages (and the revision bump) are committed together, so a half-written document is never seen.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Where the documents live, for messages ("/data/kb.db", "PostgreSQL database layoffbot").</summary>
    string Location { get; }

    /// <summary>Increases on every committed change of the documents, so in-memory indexes know when they are stale.</summary>
    long Revision { get; }

    DocumentRecord? Get(string id);
    DocumentRecord? FindBySourceKey(string sourceKey);
    DocumentRecord? FindByContentHash(string hash);
    IReadOnlyList<DocumentRecord> ListDocuments();

    /// <summary>Documents ingested in [ingestedFrom, ingestedTo) or published in [publishedFrom, publishedTo).</summary>
    IReadOnlyList<DocumentRecord> IngestedOrPublished(
        DateTime ingestedFrom, DateTime ingestedTo, DateTime publishedFrom, DateTime publishedTo);

    /// <summary>Every company every document names (one entry per mention), without reading the documents' text.</summary>
    IEnumerable<string> DocumentCompanies();

    int DocumentCount { get; }
    int PassageCount { get; }
    IEnumerable<PassageRecord> AllPassages();

    /// <summary>One document's passages, in order.</summary>
    IReadOnlyList<PassageRecord> PassagesOf(string documentId);

    /// <summary>
    /// Reads the revision, the documents and their passages as one consistent view and hands them to <paramref name="read"/>.
    /// </summary>
    T ReadCorpus<T>(Func<StoredCorpus, T> read);

    /// <summary>
    /// Replaces any stored version of <paramref name="document"/> (same id) with it and its passages, atomically;
    /// <paramref name="inTransaction"/> writes data derived from the document in the same transaction.
    /// </summary>
    SaveOutcome Save(DocumentRecord document, IReadOnlyList<PassageRecord> passages, Action<DocumentRecord>? inTransaction = null);

    void Log(string source, string outcome, string? reason = null, string? documentId = null);
}

/// <summary>
/// The stored documents at one revision. <see cref="Passages"/> streams and is read once; it carries offsets and embeddings,
/// and its text may be left empty (it is the document's text between the offsets).
/// </summary>
public sealed record StoredCorpus(long Revision, List<DocumentRecord> Documents, int PassageCount, IEnumerable<PassageRecord> Passages);
