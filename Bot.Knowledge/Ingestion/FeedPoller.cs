namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Polls URLs with conditional GETs (the stored ETag and Last-Modified go back as If-None-Match and
/// If-Modified-Since; a 304 means nothing new) and hands a new body to its <see cref="IPolledContent"/>: RSS/Atom
/// feeds by default (new items ingested through <see cref="IngestionPipeline"/>, which skips items already stored).
/// Each URL keeps its own state (<see cref="IFeedStateStore"/>); a failing one backs off exponentially (<see cref="FeedBackoff"/>) and
/// never holds up the others.
/// </summary>
public sealed class FeedPoller : IUrlPoller
{
    public const string CollectionName = "feed_state";
    private readonly SafeHttpFetcher _fetcher;
    private readonly IPolledContent _content;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IFeedStateStore _states;
    private readonly string _kind;

    public FeedPoller(SafeHttpFetcher fetcher, IngestionPipeline pipeline, IFeedStateStore states, TimeProvider time,
        ILogger<FeedPoller> logger)
        : this(fetcher, new RssFeedContent(pipeline), states, time, logger, CollectionName)
    {
    }

    /// <summary>A poller of other content (data tables), keeping its state apart under <paramref name="kind"/>.</summary>
    internal FeedPoller(SafeHttpFetcher fetcher, IPolledContent content, IFeedStateStore states, TimeProvider time, ILogger logger,
        string kind)
    {
        _fetcher = fetcher;
        _content = content;
        _time = time;
        _logger = logger;
        _states = states;
        _kind = kind;
    }

    /// <summary>Polls every feed whose next attempt is due; returns one result per feed polled.</summary>
    public async Task<IReadOnlyList<FeedPollResult>>
        PollDueAsync(IReadOnlyList<string> feeds, TimeSpan interval, CancellationToken cancellationToken)
    {
        var results = new List<FeedPollResult>();
        foreach (var feed in feeds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = StateOf(feed);
            if (Utc(state.NextAttemptAt) > _time.GetUtcNow()) continue;
            results.Add(await PollAsync(state, interval, cancellationToken));
        }
        return results;
    }

    /// <summary>The earliest next attempt among the feeds (now when one has never been polled).</summary>
    public DateTimeOffset NextAttempt(IReadOnlyList<string> feeds) =>
        feeds.Count == 0 ? DateTimeOffset.MaxValue : feeds.Select(f => Utc(StateOf(f).NextAttemptAt)).Min();

    public IReadOnlyList<FeedState> States(IReadOnlyList<string> feeds) => feeds.Select(StateOf).ToList();

    private async Task<FeedPollResult> PollAsync(FeedState state, TimeSpan interval, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        state.LastPolledAt = now.UtcDateTime;
        try
        {
            if (!Uri.TryCreate(state.Url, UriKind.Absolute, out var uri)) throw new
                UriFormatException($"'{state.Url}' is not an absolute URL");
            var fetched = await _fetcher.GetAsync(uri, cancellationToken, state.ETag, state.LastModified);
            var added = 0;
            var itemsFailed = 0;
            if (!fetched.NotModified)
                (added, itemsFailed) = await _content.HandleAsync(state.Url, fetched, cancellationToken);
            // When an item's page could not be fetched, forget the validators: the next poll gets the whole feed
            // again (not a 304) and retries that item; the stored ones are skipped by the dedupe.
            state.ETag = itemsFailed > 0 ? null : fetched.ETag;
            state.LastModified = itemsFailed > 0 ? null : fetched.LastModified;
            state.ConsecutiveFailures = 0;
            state.LastError = null;
            state.LastSuccessAt = now.UtcDateTime;
            state.LastOutcome = fetched.NotModified ? "not-modified" : "new";
            state.LastNewItems = added;
            state.TotalNewItems += added;
            state.NextAttemptAt = (now + interval).UtcDateTime;
            _states.Save(_kind, state);
            _logger.LogInformation("Polled {Feed}: {Outcome}, {Added} new item(s)", state.Url, state.LastOutcome, added);
            return new FeedPollResult(state.Url, fetched.NotModified, added, null);
        }
        catch (Exception ex) when (IsFeedFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            state.ConsecutiveFailures++;
            state.LastError = ex.Message;
            state.LastOutcome = "failed";
            state.LastNewItems = 0;
            var delay = FeedBackoff.Delay(state.ConsecutiveFailures);
            state.NextAttemptAt = (now + delay).UtcDateTime;
            _states.Save(_kind, state);
            _logger.LogWarning("{Feed} failed ({Failures} in a row), next attempt in {Delay}: {Error}", state.Url,
                state.ConsecutiveFailures, delay, ex.Message);
            return new FeedPollResult(state.Url, false, 0, ex.Message);
        }
    }

    private FeedState StateOf(string feed) => _states.Find(_kind, feed) ?? new FeedState { Url = feed, NextAttemptAt = DateTime.MinValue };

    private static bool IsFeedFailure(Exception ex) =>
        ex is HttpRequestException or UrlRefusedException or TimeoutException or FormatException or System.Xml.XmlException
            or IOException or UriFormatException or OperationCanceledException;

    private static DateTimeOffset Utc(DateTime value) =>
        value == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero);
}
