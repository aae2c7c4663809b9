namespace Bot.Knowledge.Storage;

/// <summary>
/// The change feed of a LiteDB knowledge base: a <c>document_changes</c> row (revision, document id)
/// written in the same transaction as the change it records, so a reader sees both or neither. Rows
/// older than <see cref="KeptRevisions"/> revisions are trimmed. A revision with no row (a schema
/// upgrade, a bulk load that bypasses <see cref="DocumentStore"/>) makes the feed say it cannot tell.
/// </summary>
public sealed class LiteKnowledgeChangeFeed(KnowledgeDatabase db) : IKnowledgeChangeFeed
{
    /// <summary>How far back the log reaches: an index older than this rebuilds (it would have to apply most documents anyway).</summary>
    public const int KeptRevisions = 10_000;

    /// <summary>Trim once in this many revisions, so a write does not pay for it every time.</summary>
    private const int TrimEvery = 256;

    private const string Collection = "document_changes";

    private static ILiteCollection<BsonDocument> Changes(KnowledgeDatabase db)
    {
        var changes = db.Database.GetCollection(Collection);
        changes.EnsureIndex("revision");
        return changes;
    }

    /// <summary>
    /// Records that <paramref name="documentId"/> was written or removed by the revision just bumped;
    /// call inside the transaction that made the change.
    /// </summary>
    internal static void Record(KnowledgeDatabase db, string documentId)
    {
        var revision = db.Revision;
        var changes = Changes(db);
        changes.Insert(new BsonDocument { ["revision"] = revision, ["document"] = documentId });
        if (revision % TrimEvery == 0) changes.DeleteMany(Query.LTE("revision", revision - KeptRevisions));
    }

    public KnowledgeChanges? ChangesSince(long revision)
    {
        var current = db.Revision;
        if (revision == current) return new KnowledgeChanges(current, []);
        if (revision > current) return null; // an index of another database, or of a restored older file
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var revisions = new HashSet<long>();
        var reached = current;
        foreach (var row in Changes(db).Find(Query.GT("revision", revision)))
        {
            var at = row["revision"].AsInt64;
            revisions.Add(at);
            reached = Math.Max(reached, at); // a write committed since Revision was read
            ids.Add(row["document"].AsString);
        }
        // Every revision in between must have left a row; one without (trimmed, or written around the feed) hides what changed.
        return revisions.Count == reached - revision ? new KnowledgeChanges(reached, ids) : null;
    }
}
