using LiteDB;

namespace Bot.Host.State;

/// <summary><see cref="IDigestSubscriptionStore"/> in the knowledge base's LiteDB file (collection <c>digest_subscriptions</c>).</summary>
public sealed class LiteDbDigestSubscriptionStore : IDigestSubscriptionStore
{
    public const string CollectionName = "digest_subscriptions";
    private readonly ILiteCollection<DigestSubscription> _subscriptions;
    private readonly TimeProvider _time;

    public LiteDbDigestSubscriptionStore(KnowledgeDatabase database, TimeProvider time)
    {
        _time = time;
        _subscriptions = database.MappedCollection(CollectionName, new DigestSubscription());
    }

    public bool Subscribe(string platform, string channelId, string userId)
    {
        try
        {
            _subscriptions.Insert(new DigestSubscription
            {
                Id = DigestSubscription.IdOf(platform, channelId), Platform = platform, ChannelId = channelId, AddedBy = userId,
                AddedAt = _time.GetUtcNow().UtcDateTime,
            });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public bool Unsubscribe(string platform, string channelId) => _subscriptions.Delete(DigestSubscription.IdOf(platform, channelId));

    public IReadOnlyList<DigestSubscription> All() => _subscriptions.FindAll().ToList();
}
