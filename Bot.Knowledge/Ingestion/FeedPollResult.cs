namespace Bot.Knowledge.Ingestion;

/// <summary>One poll of one feed: how many new documents it brought, or why it failed.</summary>
public sealed record FeedPollResult(string Url, bool NotModified, int NewItems, string? Error);
