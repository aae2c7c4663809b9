namespace Bot.Tests.Digest.Support;

/// <summary>A feed request the <see cref="FeedServer"/> received, with its conditional headers ("" when absent).</summary>
internal sealed record FeedRequest(string Feed, string IfNoneMatch, string IfModifiedSince);
