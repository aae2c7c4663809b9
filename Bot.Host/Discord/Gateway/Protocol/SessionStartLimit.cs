namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>How many IDENTIFYs are left today; <c>reset_after</c> is in milliseconds.</summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
