using Bot.Knowledge.Companies;
using Bot.Knowledge.LayoffData;
using Bot.Knowledge.Storage;
using LiteDB;

namespace Bot.Knowledge.Watches;

/// <summary>The channels' company watches, stored in the knowledge base (collection <c>watches</c>).</summary>
public sealed class WatchStore
{
    public const string CollectionName = "watches";
    private static readonly Lock MappingGate = new();
    private readonly ILiteCollection<CompanyWatch> _watches;
    private readonly LayoffDataQueries _queries;
    private readonly TimeProvider _time;

    public WatchStore(KnowledgeDatabase database, LayoffDataQueries queries, TimeProvider time)
    {
        _queries = queries;
        _time = time;
        // LiteDB builds a type's member map lazily and not thread-safely (litedb-org/LiteDB#2536): build it once, under a lock.
        lock (MappingGate) database.Database.Mapper.ToDocument(new CompanyWatch { KnownSources = [""] });
        _watches = database.Database.GetCollection<CompanyWatch>(CollectionName);
        _watches.EnsureIndex(w => w.ChannelId);
    }

    /// <summary>Adds the watch with today's rounds as known (only later rounds alert); null when the channel already watches the company.</summary>
    public CompanyWatch? Add(string platform, string channelId, string company, string userId)
    {
        var key = EmployerNameNormalizer.CompanyKey(EmployerNameNormalizer.Canonical(company));
        // The name as the data writes it ("acme" typed, "Acme" stored), else as typed, canonicalised.
        var canonical = _queries.CompanyNames(company, 25).FirstOrDefault(n => EmployerNameNormalizer.CompanyKey(n) == key)
            ?? EmployerNameNormalizer.Canonical(company);
        var id = CompanyWatch.IdOf(platform, channelId, key);
        if (_watches.FindById(id) is not null) return null;
        var watch = new CompanyWatch
        {
            Id = id, Platform = platform, ChannelId = channelId, Company = canonical, CompanyKey = key, AddedBy = userId,
            AddedAt = _time.GetUtcNow().UtcDateTime,
            KnownSources = _queries.Timeline(canonical, includeWarn: false).SelectMany(RoundSources.Keys).Distinct().ToList(),
        };
        try
        {
            _watches.Insert(watch);
            return watch;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return null;
        }
    }

    public bool Remove(string platform, string channelId, string company) =>
        _watches.Delete(CompanyWatch.IdOf(platform, channelId, EmployerNameNormalizer.CompanyKey(EmployerNameNormalizer.Canonical(company))));

    public IReadOnlyList<CompanyWatch> InChannel(string platform, string channelId) =>
        _watches.Find(w => w.ChannelId == channelId).Where(w => w.Platform == platform).OrderBy(w => w.Company, StringComparer.OrdinalIgnoreCase).ToList();

    public IReadOnlyList<CompanyWatch> All() => _watches.FindAll().ToList();

    /// <summary>Records a round's sources as known to the watch (alerted, or claimed by another instance).</summary>
    public void MarkKnown(string watchId, IEnumerable<string> sourceKeys)
    {
        if (_watches.FindById(watchId) is not { } watch) return; // removed meanwhile
        watch.KnownSources = watch.KnownSources.Union(sourceKeys).ToList();
        _watches.Update(watch);
    }
}
