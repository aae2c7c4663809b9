namespace Bot.Host.Benchmarks;

/// <summary>Renders a <see cref="BenchmarkReport"/> as the markdown tables printed by <c>bench</c>.</summary>
internal static class BenchmarkMarkdown
{
    public static string Render(BenchmarkReport report)
    {
        var sb = new StringBuilder();
        var i = report.Ingestion;
        sb.AppendLine(CultureInfo.InvariantCulture, $"# LayoffBot benchmark ({report.StartedAt:yyyy-MM-dd HH:mm} UTC)");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Command: `{report.Command}`  ");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {report.Machine}  ");
        sb.AppendLine(CultureInfo.InvariantCulture, $"**{report.Note}**");
        sb.AppendLine();
        sb.AppendLine("## Ingestion (real articles, embeddings included)");
        sb.AppendLine();
        Header(sb, "documents", "passages", "avg doc chars", "avg passage chars", "pipeline docs/s", "pipeline passages/s",
            "raw encoder passages/s", "share of encoder", "database");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {i.Documents} | {i.Passages} | {i.AverageDocumentChars:F0} | {i.AveragePassageChars:F0} | " +
                $"{i.PipelineDocumentsPerSecond:F2} | {i.PipelinePassagesPerSecond:F1} | {i.RawEncoderPassagesPerSecond:F1} | " +
                $"{i.ShareOfEncoderThroughput:P0} | {Mb(i.DatabaseBytes)} |");
        if (report.EmbeddingPool is { } pool)
        {
            sb.AppendLine();
            sb.AppendLine("## Synthetic corpus embeddings (computed once per distinct passage text)");
            sb.AppendLine();
            Header(sb, "article variants", "distinct passage texts", "embedded this run", "reused from the cache file", "embedding time",
                "passages/s");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {pool.Variants} | {pool.DistinctPassageTexts} | {pool.ComputedThisRun} | {pool.LoadedFromCache} | " +
                    $"{pool.EmbeddingSeconds:F1} s | " +
                    $"{(pool.ComputedThisRun == 0 ? "-" : pool.PassagesPerSecond.ToString("F1", CultureInfo.InvariantCulture))} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Ask latency, start-up and memory per corpus size");
        sb.AppendLine();
        Header(sb, "documents (synthetic)", "passages", "database", "write (synthetic)", "index build + snapshot save",
            "index ready at start", "start-up to first answer", "ask median", "ask p95", "ask p99",
            "peak working set (after model + index)");
        foreach (var s in report.Sizes)
        {
            var m = s.Measurement;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Documents} ({m.SyntheticDocuments}) | {m.Passages} | {Mb(s.DatabaseBytes)} | " +
                    $"{(s.SyntheticDocuments == 0 ? "-" : $"{s.SyntheticWriteSeconds:F1} s")} | " +
                    $"{(s.SyntheticDocuments == 0 ? "-" : $"{s.IndexSnapshotBuildSeconds:F2} s")} | {m.IndexBuildMs / 1000:F2} s " +
                    $"({(m.IndexFromSnapshot ? "snapshot" : "built")}) | {m.StartupToFirstAnswerMs / 1000:F2} s | {m.Ask.MedianMs:F1} ms " +
                    $"| {m.Ask.P95Ms:F1} ms | {m.Ask.P99Ms:F1} ms | {Mb(m.PeakWorkingSetBytes)} ({Mb(m.PeakWorkingSetAfterIndexBytes)}) |");
        }
        sb.AppendLine();
        sb.AppendLine("Incremental update (one article applied to the loaded index, half new and half replacing; "
            + "database write and embedding not included):");
        sb.AppendLine();
        Header(sb, "documents", "updates", "median", "p95", "max");
        foreach (var s in report.Sizes.Where(s => s.Measurement.IncrementalUpdate is not null))
        {
            var u = s.Measurement.IncrementalUpdate!;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Measurement.Documents} | {u.Samples} | {u.MedianMs:F1} ms | {u.P95Ms:F1} ms | {u.MaxMs:F1} ms |");
        }
        sb.AppendLine();
        sb.AppendLine("Index memory per passage, by structure (bytes):");
        sb.AppendLine();
        var structures = report.Sizes.SelectMany(s => s.Measurement.IndexBytesPerPassage.Keys).Distinct().ToList();
        sb.AppendLine("| documents | " + string.Join(" | ", structures) + " | total |");
        sb.AppendLine("|---:|" + string.Concat(structures.Select(_ => "---:|")) + "---:|");
        foreach (var s in report.Sizes)
        {
            var bytes = s.Measurement.IndexBytesPerPassage;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Measurement.Documents} | " +
                    $"{string.Join(" | ", structures.Select(k => bytes.TryGetValue(k, out var v) ? v.ToString("F0",
                    CultureInfo.InvariantCulture) : "-"))} | {bytes.Values.Sum():F0} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Retrieval: recall@5 of the supporting source files, and latency");
        sb.AppendLine();
        Header(sb, "documents", "ours recall@5", "ours median / p95 (incl. query embedding)", "ours search only median",
            "ours as ask filters", "MiniLM cosine only", "Lucene BM25 recall@5", "Lucene median / p95", "Lucene index build");
        foreach (var s in report.Sizes)
        {
            var m = s.Measurement;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Documents} | {m.Hybrid.RecallAt5:P0} ({m.Hybrid.Hits}/{m.Hybrid.Questions}) | {m.Hybrid.Latency.MedianMs:F2} / " +
                    $"{m.Hybrid.Latency.P95Ms:F2} ms | {m.Hybrid.SearchOnlyLatency?.MedianMs ?? 0:F2} ms | " +
                    $"{m.HybridAsAsked.RecallAt5:P0} | {m.CosineOnly.RecallAt5:P0} | {m.Lucene.RecallAt5:P0} " +
                    $"({m.Lucene.Hits}/{m.Lucene.Questions}) | {m.Lucene.Latency.MedianMs:F2} / {m.Lucene.Latency.P95Ms:F2} ms | " +
                    $"{m.LuceneBuildMs / 1000:F1} s |");
        }
        if (report.Postgres is { } postgres) RenderPostgres(sb, postgres, report.Sizes);
        sb.AppendLine();
        sb.AppendLine("## Targets");
        sb.AppendLine();
        sb.AppendLine("| target | measured | met |");
        sb.AppendLine("|---|---|---|");
        foreach (var t in report.Targets)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {t.Target} | {t.Measured} | {(t.Met ? "yes" : "**no**")} |");
        return sb.ToString();
    }

    /// <summary>
    /// PostgreSQL next to LiteDB: ingestion, and per size the start-up and the warm ask latency (the index is in memory on both).
    /// </summary>
    private static void RenderPostgres(StringBuilder sb, PostgresBenchmarkResult postgres, IReadOnlyList<SizeResult> liteDb)
    {
        var i = postgres.Ingestion;
        sb.AppendLine();
        sb.AppendLine("## PostgreSQL (Knowledge:Store = postgres) next to LiteDB");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Ingestion of the real articles: {i.Documents} documents at {i.PipelineDocumentsPerSecond:F2} docs/s "
            + $"({i.PipelinePassagesPerSecond:F1} passages/s, {i.ShareOfEncoderThroughput:P0} of the raw encoder).");
        sb.AppendLine();
        Header(sb, "documents", "write (synthetic, a transaction per document)", "index build at start", "start-up to first answer",
            "ask median", "ask p95", "ask p99", "LiteDB ask p95", "p95 PostgreSQL / LiteDB");
        foreach (var s in postgres.Sizes)
        {
            var m = s.Measurement;
            var lite = liteDb.FirstOrDefault(l => l.Measurement.Documents == m.Documents)?.Measurement;
            var write = s.SyntheticDocuments == 0 ? "-"
                : $"{s.SyntheticWriteSeconds:F1} s ({s.SyntheticPassagesWritten / Math.Max(s.SyntheticWriteSeconds, 1e-9):F0} passages/s)";
            var (liteP95, ratio) = lite is null ? ("-", "-") : ($"{lite.Ask.P95Ms:F1} ms", $"{m.Ask.P95Ms / lite.Ask.P95Ms:F2}x");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Documents} ({m.SyntheticDocuments}) | {write} | {m.IndexBuildMs / 1000:F2} s "
                + $"| {m.StartupToFirstAnswerMs / 1000:F2} s | {m.Ask.MedianMs:F1} ms | {m.Ask.P95Ms:F1} ms | {m.Ask.P99Ms:F1} ms "
                + $"| {liteP95} | {ratio} |");
        }
    }

    /// <summary>A table's header row and its separator, every column right-aligned (they hold numbers).</summary>
    private static void Header(StringBuilder sb, params string[] columns)
    {
        sb.AppendLine("| " + string.Join(" | ", columns) + " |");
        sb.AppendLine("|" + string.Concat(columns.Select(_ => "---:|")));
    }

    private static string Mb(long bytes) => BenchmarkTargets.Mb(bytes);
}
