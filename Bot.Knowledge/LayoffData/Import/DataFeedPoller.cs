namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Polls <c>Knowledge:DataFeeds</c> like the RSS feeds (conditional GET, size cap and address rules of
/// <see cref="SafeHttpFetcher"/>, backoff per URL, state kept under <c>data_feed_state</c>) and imports each
/// changed table through <see cref="DataTableContent"/>. New rows reach the digest and the watch alerts from the database.
/// </summary>
public sealed class DataFeedPoller : IUrlPoller
{
    public const string CollectionName = "data_feed_state";
    private readonly FeedPoller _poller;

    public DataFeedPoller(SafeHttpFetcher fetcher, DataFileImporter importer, IFeedStateStore states, TimeProvider time,
        ILogger<DataFeedPoller> logger) =>
        _poller = new FeedPoller(fetcher, new DataTableContent(importer), states, time, logger, CollectionName);

    public Task<IReadOnlyList<FeedPollResult>>
        PollDueAsync(IReadOnlyList<string> urls, TimeSpan interval, CancellationToken cancellationToken) =>
        _poller.PollDueAsync(urls, interval, cancellationToken);

    public DateTimeOffset NextAttempt(IReadOnlyList<string> urls) => _poller.NextAttempt(urls);

    public IReadOnlyList<FeedState> States(IReadOnlyList<string> urls) => _poller.States(urls);
}
