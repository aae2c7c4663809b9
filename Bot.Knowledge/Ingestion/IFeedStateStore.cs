namespace Bot.Knowledge.Ingestion;

/// <summary>
/// What the pollers remember per URL between polls and restarts. <c>kind</c> keeps the pollers apart
/// (<see cref="FeedPoller.CollectionName"/>, <see cref="LayoffData.DataFeedPoller.CollectionName"/>).
/// </summary>
public interface IFeedStateStore
{
    FeedState? Find(string kind, string url);
    void Save(string kind, FeedState state);
}

/// <summary>The LiteDB <see cref="IFeedStateStore"/>: one collection per kind, keyed by URL.</summary>
public sealed class LiteFeedStateStore(KnowledgeDatabase database) : IFeedStateStore
{
    public FeedState? Find(string kind, string url) => Collection(kind).FindById(url);

    public void Save(string kind, FeedState state) => Collection(kind).Upsert(state);

    private ILiteCollection<FeedState> Collection(string kind) => database.MappedCollection(kind, new FeedState());
}
