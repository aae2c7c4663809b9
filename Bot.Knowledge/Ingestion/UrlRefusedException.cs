namespace Bot.Knowledge.Ingestion;

/// <summary>A URL that ingestion will not fetch (private address, bad scheme, too large, too many redirects).</summary>
public sealed class UrlRefusedException(string message) : Exception(message);
