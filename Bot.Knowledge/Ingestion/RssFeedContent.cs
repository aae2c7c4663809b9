namespace Bot.Knowledge.Ingestion;

/// <summary>An RSS/Atom feed's items, each linked page ingested through <see cref="IngestionPipeline"/> (stored items are
/// skipped).</summary>
public sealed class RssFeedContent(IngestionPipeline pipeline) : IPolledContent
{
    public async Task<PolledContentResult> HandleAsync(string url, FetchResult fetched, CancellationToken cancellationToken)
    {
        if (!FeedParser.LooksLikeFeed(fetched.Body)) throw new FormatException("the response is not an RSS or Atom feed");
        var results = await pipeline.IngestFeedAsync(url, FeedParser.Parse(fetched.Body, fetched.FinalUri), cancellationToken);
        return new PolledContentResult(results.Count(r => r.Outcome == IngestOutcome.Added),
            results.Count(r => r.Outcome == IngestOutcome.Failed));
    }
}
