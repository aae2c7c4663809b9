namespace Bot.Knowledge.Digest;

/// <summary>An article ingested during the period.</summary>
public sealed record DigestArticle(string DocumentId, string Title, string? Url, string? Publisher, DateTime? Published);
