using System.Diagnostics;
using Bot.Knowledge.Embeddings;
using Bot.Host.Evaluation;
using Bot.Knowledge.Retrieval;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Measures one knowledge base in a process of its own (so start-up and peak working set belong to
/// that size alone): start-up to first answer, warm ask latency, recall@5 of our retrieval, then of
/// a Lucene.Net BM25 index over the same passages (built last, so it is not in our peak).
/// </summary>
internal static class CorpusBenchmark
{
    private const int Top = 5;

    public static async Task<CorpusMeasurement>
        RunAsync(string dbPath, string questionsPath, int repeat, string luceneFolder, Action<string> say,
        CancellationToken cancellationToken)
    {
        DateTime processStart;
        using (var self = Process.GetCurrentProcess()) processStart = self.StartTime.ToUniversalTime();
        using var host = BotHostFactory.CreateCliHost(dbPath, BenchmarkRunner.Quiet);
        var services = host.Services;
        var embedder = services.GetRequiredService<ITextEmbedder>();
        var retriever = services.GetRequiredService<HybridRetriever>();
        var engine = services.GetRequiredService<IAnswerEngine>();
        var parser = services.GetRequiredService<QuestionParser>();
        var collector = services.GetRequiredService<EvidenceCollector>();
        var questions = EvalRunner.Load(questionsPath);
        // As serve on PostgreSQL does while it listens for changes (nothing else writes during the measurement).
        var store = services.GetRequiredService<Bot.Knowledge.Storage.IDocumentStore>();
        (store as Bot.Knowledge.Storage.Postgres.PostgresDocumentStore)?.StartFollowing();

        var watch = Stopwatch.StartNew();
        embedder.Embed("warm-up");
        var modelLoad = watch.Elapsed.TotalMilliseconds;
        var snapshot = KnowledgeIndexSnapshot.PathFor(Path.GetFullPath(dbPath));
        var snapshotBefore = File.Exists(snapshot) ? File.GetLastWriteTimeUtc(snapshot) : (DateTime?)null;
        watch.Restart();
        var index = retriever.Index;
        var indexBuild = watch.Elapsed.TotalMilliseconds;
        // A load leaves the snapshot as it was; a build writes it again.
        var fromSnapshot = snapshotBefore is not null && File.GetLastWriteTimeUtc(snapshot) == snapshotBefore;
        var peakAfterIndex = PeakWorkingSet();
        watch.Restart();
        await engine.AnswerAsync(new AnswerRequest(questions[0].Question), cancellationToken);
        var firstAnswer = watch.Elapsed.TotalMilliseconds;
        var startup = (DateTime.UtcNow - processStart).TotalMilliseconds;
        say($"  {index.Documents.Count} documents, {index.PassageCount} passages: index " +
            $"{(fromSnapshot ? "loaded from its snapshot" : "built")} in {indexBuild:F0} ms, first answer after {startup:F0} ms");

        // Warm: every question once, then the timed rounds.
        foreach (var q in questions) await engine.AnswerAsync(new AnswerRequest(q.Question), cancellationToken);
        var askTimes = new List<double>();
        var byQuestion = questions.Select(_ => new List<double>()).ToArray();
        long maxSampled = 0;
        for (var r = 0; r < repeat; r++)
            for (var i = 0; i < questions.Count; i++)
            {
                watch.Restart();
                await engine.AnswerAsync(new AnswerRequest(questions[i].Question), cancellationToken);
                askTimes.Add(watch.Elapsed.TotalMilliseconds);
                byQuestion[i].Add(watch.Elapsed.TotalMilliseconds);
                maxSampled = Math.Max(maxSampled, WorkingSet());
            }
        var ask = LatencySummary.From(askTimes);
        say($"  ask: median {ask.MedianMs:F1} ms, p95 {ask.P95Ms:F1} ms, p99 {ask.P99Ms:F1} ms");
        // What the tail is made of: the questions slowest in their median round.
        foreach (var (median, i) in byQuestion.Select((times, i) => (LatencySummary.From(times).MedianMs, i)).OrderDescending().Take(3))
            say($"    slowest: {median:F1} ms median, \"{questions[i].Question}\"");

        var withSources = questions.Where(q => q.Sources.Count > 0).ToList();
        var hybrid = Measure("HybridRetriever (no filter)", withSources, repeat,
            q => retriever.Search(q.Question, RetrievalFilter.None, Top).Select(p => p.Document.SourcePath).ToList(),
            q => { var v = embedder.Embed(q.Question); return () => retriever.Search(q.Question, v, RetrievalFilter.None, Top); });
        var asAsked = Measure("HybridRetriever (question's company/period filter, as ask uses it)", withSources, repeat,
            q =>
            {
                var parsed = parser.Parse(q.Question);
                return collector.Retrieve(parsed, parsed.Companies.FirstOrDefault(), embedder.Embed(parsed.Text),
                    Top).Select(p => p.Document.SourcePath).ToList();
            },
            null);
        var cosineOnly = Measure("MiniLM cosine only (no BM25, no filter)", withSources, repeat,
            q => CosineTop(index, embedder.Embed(q.Question),
                Top).Select(p => index.Documents[index.PassageDocument[p]].SourcePath).ToList(),
            null);
        var peak = PeakWorkingSet();
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var database = services.GetRequiredService<Bot.Knowledge.Storage.KnowledgeDatabase>();
        var update = IncrementalUpdateBenchmark.Measure(index, id => database.Passages.Find(p => p.DocumentId == id).ToList(), updates: 20);
        say($"  incremental update, one article: median {update.MedianMs:F1} ms, max {update.MaxMs:F1} ms");

        watch.Restart();
        if (Directory.Exists(luceneFolder)) Directory.Delete(luceneFolder, recursive: true);
        using var lucene = new LuceneBm25Baseline(luceneFolder, Enumerable.Range(0, index.PassageCount).Select(p =>
        {
            var doc = index.Documents[index.PassageDocument[p]];
            return (doc.Title, doc.Text[index.PassageStart[p]..index.PassageEnd[p]]);
        }));
        var luceneBuild = watch.Elapsed.TotalMilliseconds;
        var luceneResult = Measure("Lucene.Net BM25 (StandardAnalyzer)", withSources, repeat,
            q => lucene.Search(q.Question, Top).Select(p => index.Documents[index.PassageDocument[p]].SourcePath).ToList(),
            null);
        say($"  recall@5: ours {hybrid.RecallAt5:P0} (as asked {asAsked.RecallAt5:P0}), Lucene {luceneResult.RecallAt5:P0}");

        return new CorpusMeasurement
        {
            Documents = index.Documents.Count,
            SyntheticDocuments = index.Documents.Count(d => d.SourceKind == "synthetic"),
            Passages = index.PassageCount,
            ModelLoadMs = modelLoad, IndexBuildMs = indexBuild, FirstAnswerMs = firstAnswer, StartupToFirstAnswerMs = startup,
            Ask = ask, PeakWorkingSetAfterIndexBytes = peakAfterIndex, PeakWorkingSetBytes = peak, MaxSampledWorkingSetBytes = maxSampled,
                ManagedHeapBytes = heap,
            Hybrid = hybrid, HybridAsAsked = asAsked, CosineOnly = cosineOnly, Lucene = luceneResult, LuceneBuildMs = luceneBuild,
            IndexBytesPerPassage = index.BytesPerPassageByStructure(), IndexFromSnapshot = fromSnapshot, IncrementalUpdate = update,
        };
    }

    /// <summary>Recall@5 from one warm-up pass, then <paramref name="repeat"/> timed passes.</summary>
    private static RetrievalMeasurement Measure(string system, IReadOnlyList<EvalQuestion> questions, int repeat,
        Func<EvalQuestion, IReadOnlyList<string?>> search, Func<EvalQuestion, Action>? searchWithoutEmbedding)
    {
        var misses = new List<string>();
        foreach (var q in questions)
            if (!RecallAtK.IsHit(q.Sources, search(q))) misses.Add(q.Id);
        var times = new List<double>();
        var searchOnly = new List<double>();
        var watch = new Stopwatch();
        for (var r = 0; r < repeat; r++)
            foreach (var q in questions)
            {
                watch.Restart();
                search(q);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (searchWithoutEmbedding is null) continue;
                var run = searchWithoutEmbedding(q);
                watch.Restart();
                run();
                searchOnly.Add(watch.Elapsed.TotalMilliseconds);
            }
        var hits = questions.Count - misses.Count;
        return new RetrievalMeasurement(system, RecallAtK.Recall(hits, questions.Count), hits, questions.Count, misses,
            LatencySummary.From(times), searchWithoutEmbedding is null ? null : LatencySummary.From(searchOnly));
    }

    /// <summary>The passages with the highest cosine to the query, best first.</summary>
    private static List<int> CosineTop(KnowledgeIndex index, float[] query, int top)
    {
        var heap = new PriorityQueue<int, float>();
        var quantized = index.Quantize(query);
        for (var p = 0; p < index.PassageCount; p++)
        {
            var score = index.Cosine(quantized, p);
            if (heap.Count < top) heap.Enqueue(p, score);
            else if (heap.TryPeek(out _, out var lowest) && score > lowest) heap.EnqueueDequeue(p, score);
        }
        var best = new List<int>(heap.Count);
        while (heap.TryDequeue(out var p, out _)) best.Add(p);
        best.Reverse();
        return best;
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
