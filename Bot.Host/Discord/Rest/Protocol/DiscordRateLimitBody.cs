namespace Bot.Host.Discord.Rest.Protocol;

/// <summary>Body of a 429: <c>retry_after</c> in (fractional) seconds; <c>global</c> pauses every request.</summary>
internal sealed record DiscordRateLimitBody(double RetryAfter, bool Global, string? Message, int? Code);
