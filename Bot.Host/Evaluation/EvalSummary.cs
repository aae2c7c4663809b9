namespace Bot.Host.Evaluation;

/// <summary>Totals of an eval run: passes overall and by kind, unverifiable quotes, warm latency percentiles.</summary>
public sealed record EvalSummary(int Total, int Passed, IReadOnlyDictionary<string, (int Passed, int Total)> ByKind, int UnverifiableQuotes,
    double MedianMs, double P95Ms)
{
    public static EvalSummary From(IReadOnlyList<EvalGrade> grades)
    {
        var byKind = grades.GroupBy(g => g.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (g.Count(x => x.Pass), g.Count()));
        var latencies = grades.Select(g => g.ElapsedMs).Order().ToList();
        return new EvalSummary(grades.Count, grades.Count(g => g.Pass), byKind, grades.Sum(g => g.UnverifiableQuotes),
            Percentile(latencies, 0.5), Percentile(latencies, 0.95));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string ToText()
    {
        var sb = new StringBuilder($"passed {Passed}/{Total}; unverifiable quotes: {UnverifiableQuotes}; warm latency median " +
            $"{MedianMs:F1} ms, p95 {P95Ms:F1} ms\n");
        foreach (var (kind, (passed, total)) in ByKind) sb.Append($"  {kind}: {passed}/{total}\n");
        return sb.ToString().TrimEnd();
    }
}
