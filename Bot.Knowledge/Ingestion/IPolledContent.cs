namespace Bot.Knowledge.Ingestion;

/// <summary>
/// What a polled URL's new body is turned into (RSS items ingested, CSV rows imported). Throws
/// <see cref="FormatException"/> when the body is not what the URL should serve; then nothing is stored.
/// </summary>
public interface IPolledContent
{
    Task<PolledContentResult> HandleAsync(string url, FetchResult fetched, CancellationToken cancellationToken);
}

/// <summary>How many new things a poll stored, and how many parts failed (failed parts make the next poll fetch everything
/// again).</summary>
public sealed record PolledContentResult(int Added, int Failed);
