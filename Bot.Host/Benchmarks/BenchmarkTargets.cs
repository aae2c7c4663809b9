namespace Bot.Host.Benchmarks;

/// <summary>Checks a run against the targets of issue 9 (figures, not timed tests).</summary>
internal static class BenchmarkTargets
{
    public static IReadOnlyList<TargetCheck> Check(IngestionMeasurement ingestion, IReadOnlyList<SizeResult> sizes)
    {
        var checks = new List<TargetCheck>();
        var ten = Near(sizes, 10_000);
        var fifty = Near(sizes, 50_000);
        if (ten is not null)
        {
            checks.Add(new($"ask p95 <= 50 ms warm at ~10k documents ({ten.Measurement.Documents})", Ms(ten.Measurement.Ask.P95Ms),
                ten.Measurement.Ask.P95Ms <= 50));
            checks.Add(new($"peak working set <= 800 MB at ~10k documents ({ten.Measurement.Documents})",
                Mb(ten.Measurement.PeakWorkingSetBytes), ten.Measurement.PeakWorkingSetBytes <= 800L * 1024 * 1024));
        }
        if (fifty is not null)
            checks.Add(new($"ask p95 <= 150 ms warm at ~50k documents ({fifty.Measurement.Documents})", Ms(fifty.Measurement.Ask.P95Ms),
                fifty.Measurement.Ask.P95Ms <= 150));
        checks.Add(new("ingestion passages/s >= 70% of the raw encoder's",
            $"{ingestion.PipelinePassagesPerSecond:F1} vs {ingestion.RawEncoderPassagesPerSecond:F1} passages/s = " +
                $"{ingestion.ShareOfEncoderThroughput:P0}", ingestion.ShareOfEncoderThroughput >= 0.70));
        foreach (var size in sizes)
        {
            var m = size.Measurement;
            var label = size.SyntheticDocuments == 0 ? $"real corpus ({m.Documents} docs)" : $"{m.Documents} docs";
            checks.Add(new($"recall@5 >= 96%, {label}", $"{m.Hybrid.RecallAt5:P0} (as asked: {m.HybridAsAsked.RecallAt5:P0})",
                m.Hybrid.RecallAt5 >= 0.96));
            var lead = (m.Hybrid.RecallAt5 - m.Lucene.RecallAt5) * 100;
            checks.Add(new($"recall@5 >= Lucene BM25 + 10 points, {label}",
                $"{m.Hybrid.RecallAt5:P0} vs {m.Lucene.RecallAt5:P0} ({lead:+0;-0} points)", lead >= 10 - 1e-9));
            var ratio = m.Hybrid.Latency.MedianMs / Math.Max(m.Lucene.Latency.MedianMs, 1e-6);
            var searchOnly = m.Hybrid.SearchOnlyLatency is { } s
                ? $"; without the query embedding {s.MedianMs:F2} ms = {s.MedianMs / Math.Max(m.Lucene.Latency.MedianMs, 1e-6):F1}x" : "";
            checks.Add(new($"retrieval median <= 2x Lucene's, {label}",
                $"{m.Hybrid.Latency.MedianMs:F2} ms vs {m.Lucene.Latency.MedianMs:F2} ms = {ratio:F1}x (incl. query embedding){searchOnly}",
                    ratio <= 2));
        }
        return checks;
    }

    /// <summary>The measured size closest to <paramref name="target"/> documents, when one is within a factor of two.</summary>
    private static SizeResult? Near(IReadOnlyList<SizeResult> sizes, int target) =>
        sizes.Where(s => s.Measurement.Documents >= target / 2 && s.Measurement.Documents <= target * 2)
            .MinBy(s => Math.Abs(s.Measurement.Documents - target));

    internal static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";
    internal static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";
}
