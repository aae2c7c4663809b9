namespace Bot.Knowledge.Ingestion;

/// <summary>Polls a list of URLs on their own schedules (RSS feeds, data tables); what the polling service and /health see.</summary>
public interface IUrlPoller
{
    /// <summary>Polls every URL whose next attempt is due; returns one result per URL polled.</summary>
    Task<IReadOnlyList<FeedPollResult>> PollDueAsync(IReadOnlyList<string> urls, TimeSpan interval, CancellationToken cancellationToken);

    /// <summary>The earliest next attempt among the URLs (now when one has never been polled).</summary>
    DateTimeOffset NextAttempt(IReadOnlyList<string> urls);

    IReadOnlyList<FeedState> States(IReadOnlyList<string> urls);
}

/// <summary>One poll of one feed: how many new documents it brought, or why it failed.</summary>
public sealed record FeedPollResult(string Url, bool NotModified, int NewItems, string? Error);
