namespace Bot.Knowledge.Digest;

/// <summary>The half-open interval [<see cref="From"/>, <see cref="To"/>) a digest covers.</summary>
public sealed record DigestPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Layoff rows carry a date only: a period holds the rows dated from its first day up to (not including) its last
    /// day.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(From.UtcDateTime);
    public DateOnly EndDay => DateOnly.FromDateTime(To.UtcDateTime);
}
