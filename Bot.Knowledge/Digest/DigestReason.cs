namespace Bot.Knowledge.Digest;

/// <summary>One sentence quoted verbatim from a stored article, and where it comes from.</summary>
public sealed record DigestReason(string Quote, string DocumentId, string Title, string? Url, string? Publisher, DateTime? Published);
