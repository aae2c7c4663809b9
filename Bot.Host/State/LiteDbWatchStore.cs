using LiteDB;

namespace Bot.Host.State;

/// <summary><see cref="IWatchStore"/> in the knowledge base's LiteDB file (collection <c>watches</c>).</summary>
public sealed class LiteDbWatchStore : IWatchStore
{
    public const string CollectionName = "watches";
    // MarkKnown reads, merges and writes: two callers at once (one process) must not lose each other's keys.
    private static readonly Lock MergeGate = new();
    private readonly ILiteCollection<CompanyWatch> _watches;

    public LiteDbWatchStore(KnowledgeDatabase database)
    {
        _watches = database.MappedCollection(CollectionName, new CompanyWatch { KnownSources = [""] });
        _watches.EnsureIndex(w => w.ChannelId);
    }

    public bool TryAdd(CompanyWatch watch)
    {
        try
        {
            _watches.Insert(watch);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public bool Remove(string watchId) => _watches.Delete(watchId);

    public IReadOnlyList<CompanyWatch> InChannel(string platform, string channelId) =>
        _watches.Find(w => w.ChannelId == channelId).Where(w => w.Platform == platform)
            .OrderBy(w => w.Company, StringComparer.OrdinalIgnoreCase).ToList();

    public IReadOnlyList<CompanyWatch> All() => _watches.FindAll().ToList();

    public void MarkKnown(string watchId, IEnumerable<string> sourceKeys)
    {
        lock (MergeGate)
        {
            if (_watches.FindById(watchId) is not { } watch) return; // removed meanwhile
            watch.KnownSources = watch.KnownSources.Union(sourceKeys).ToList();
            _watches.Update(watch);
        }
    }
}
