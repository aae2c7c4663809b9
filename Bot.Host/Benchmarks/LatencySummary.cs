namespace Bot.Host.Benchmarks;

/// <summary>Median, p95 and p99 of a set of timings in milliseconds (nearest-rank percentiles).</summary>
internal sealed record LatencySummary(int Samples, double MedianMs, double P95Ms, double P99Ms, double MeanMs, double MaxMs)
{
    public static LatencySummary From(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Average(),
            sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    internal static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
