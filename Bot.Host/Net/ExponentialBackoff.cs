namespace Bot.Host.Net;

/// <summary>
/// A pure reconnect-delay policy: exponential growth from <see cref="Initial"/>, capped at
/// <see cref="Max"/>, with "full jitter" so many clients do not reconnect in lockstep.
/// </summary>
public sealed class ExponentialBackoff(TimeSpan initial, TimeSpan max, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public TimeSpan Initial { get; } = initial;
    public TimeSpan Max { get; } = max;

    /// <summary>Delay before retry number <paramref name="attempt"/> (1 = first retry).</summary>
    public TimeSpan Delay(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 20);
        var ceiling = Math.Min(Max.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(2, exponent));
        // Half fixed, half random: never zero (a tight loop), never more than the ceiling.
        return TimeSpan.FromMilliseconds(ceiling / 2 + _random() * ceiling / 2);
    }
}
