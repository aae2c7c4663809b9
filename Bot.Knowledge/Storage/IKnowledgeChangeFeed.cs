namespace Bot.Knowledge.Storage;

/// <summary>
/// Which documents changed after a revision of the knowledge base, so an in-memory index can follow
/// the store without rebuilding itself from every document.
/// </summary>
public interface IKnowledgeChangeFeed
{
    /// <summary>
    /// The ids of the documents written or removed after <paramref name="revision"/>, and the revision
    /// they lead to; null when the feed cannot say (its log no longer reaches back that far, or the store
    /// changed without recording what): the caller then rebuilds from the whole store.
    /// </summary>
    KnowledgeChanges? ChangesSince(long revision);
}

/// <summary>Documents written or removed (each id once) between a revision and <see cref="Revision"/>.</summary>
public sealed record KnowledgeChanges(long Revision, IReadOnlyCollection<string> DocumentIds);
