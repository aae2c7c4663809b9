using System.Diagnostics;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;

namespace Bot.Host.Benchmarks;

/// <summary>
/// What an incremental update of the index costs: one article applied to a loaded index (a segment for it,
/// the old version's passages removed, the passage maps copied). The database write, the change-feed read
/// and the article's embedding are not included: they are the same with or without an index.
/// </summary>
internal static class IncrementalUpdateBenchmark
{
    /// <summary>
    /// Applies <paramref name="updates"/> articles one after another, alternating a new article (a stored one
    /// copied under a new id) and a replaced one (a stored one saved again): the timings of the applies.
    /// </summary>
    public static LatencySummary Measure(KnowledgeIndex index, Func<string, IReadOnlyList<PassageRecord>> passagesOf, int updates)
    {
        var random = new Random(18);
        var times = new List<double>();
        var current = index;
        var watch = new Stopwatch();
        for (var i = 0; i < updates && index.Documents.Count > 0; i++)
        {
            var source = index.Documents[random.Next(index.Documents.Count)];
            var id = i % 2 == 0 ? $"bench-update-{i}" : source.Id;
            var document = new DocumentRecord
            {
                Id = id, Title = source.Title, Text = source.Text, SourceKey = "bench:" + id, ContentHash = source.ContentHash,
                Companies = source.Companies, Published = source.Published, PublishedPrecision = source.PublishedPrecision,
                Url = source.Url, Publisher = source.Publisher,
            };
            var passages = passagesOf(source.Id).Select(p => new PassageRecord
                {
                    Id = $"{id}:{p.Index}", DocumentId = id, Index = p.Index, Start = p.Start, End = p.End, Embedding = p.Embedding,
                }).ToList();
            watch.Restart();
            current = current.Apply(current.Revision + 1, [id], [document], passages);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return LatencySummary.From(times);
    }

    /// <summary>
    /// The same measurement on an index built in memory from <paramref name="documents"/> generated documents
    /// (random words and vectors of the real corpus's shape: about six passages of 600 characters each), for a
    /// look at 50k documents without the full benchmark. Prints what it measured.
    /// </summary>
    public static void MeasureGenerated(int documents, int updates, Action<string> say)
    {
        const int Dimensions = 384, PassagesPerDocument = 6, WordsPerPassage = 100;
        var random = new Random(20261130);
        // A Zipf-like vocabulary: a few words in most passages (the long postings), most words rare.
        var vocabulary = Enumerable.Range(0, 30_000).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string Word() => vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Exp(random.NextDouble() * Math.Log(vocabulary.Length)) - 1)];
        var records = new List<DocumentRecord>(documents);
        var lengths = new Dictionary<string, int[]>(documents);
        var heldBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (var d = 0; d < documents; d++)
        {
            var id = $"gen{d:000000}";
            var texts = Enumerable.Range(0, PassagesPerDocument)
                .Select(_ => string.Join(' ', Enumerable.Range(0, WordsPerPassage).Select(_ => Word())) + ".").ToList();
            records.Add(new DocumentRecord { Id = id, Title = "Generated " + d, Text = string.Join(' ', texts), ContentHash = id,
                Published = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            lengths[id] = texts.Select(t => t.Length).ToArray();
        }
        // What the documents cost in memory, for the index holds them all (their passage lengths, a few dozen bytes, included).
        var held = GC.GetTotalMemory(forceFullCollection: true) - heldBefore;
        say($"{documents} generated documents of {records.Average(r => r.Text.Length):F0} characters: " +
            $"{held / (double)documents:F0} bytes a document held in memory");
        // Vectors made when asked for (a list of every passage's float vector would be 450 MB at 50k documents).
        IReadOnlyList<PassageRecord> PassagesOf(string id)
        {
            var vectors = new Random(StringComparer.Ordinal.GetHashCode(id));
            var at = 0;
            return lengths[id].Select((length, i) =>
            {
                var vector = new float[Dimensions];
                for (var k = 0; k < Dimensions; k++) vector[k] = (float)(vectors.NextDouble() - 0.5);
                VectorMath.Normalize(vector);
                var p = new PassageRecord
                {
                    Id = $"{id}:{i}", DocumentId = id, Index = i, Start = at, End = at + length, Embedding = VectorMath.ToBytes(vector),
                };
                at += length + 1;
                return p;
            }).ToList();
        }
        var watch = Stopwatch.StartNew();
        var index = KnowledgeIndex.Build(1, records, documents * PassagesPerDocument, records.SelectMany(r => PassagesOf(r.Id)),
            Dimensions);
        say($"{documents} generated documents, {index.PassageCount} passages: " +
            $"index built in memory in {watch.Elapsed.TotalSeconds:F1} s, " +
            $"{index.BytesPerPassageByStructure().Values.Sum():F0} bytes a passage");
        // BM25 alone over the long postings of the common words, as a search without filter asks it (50 deep).
        var queries = Enumerable.Range(0, 200)
            .Select(_ => Bm25Index.Tokens("", string.Join(' ', Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Word())))).ToList();
        // Interleaved in one run, so the machine's other load falls on both alike: MaxScore against scoring every
        // posting of the query's terms (as BM25 did before).
        foreach (var q in queries.Take(20)) index.Lexical.Top(q, (bool[]?)null, 50);
        var (maxScore, scoringAll) = (new List<double>(), new List<double>());
        var timer = new Stopwatch();
        foreach (var q in queries)
        {
            timer.Restart();
            index.Lexical.Top(q, (bool[]?)null, 50);
            maxScore.Add(timer.Elapsed.TotalMilliseconds);
            timer.Restart();
            index.Lexical.TopByScoringAll(q, null, 50);
            scoringAll.Add(timer.Elapsed.TotalMilliseconds);
        }
        var (a, b) = (LatencySummary.From(maxScore), LatencySummary.From(scoringAll));
        say($"BM25 top 50, {queries.Count} queries of 3-6 words: median {a.MedianMs:F2} ms, p95 {a.P95Ms:F2} ms " +
            $"(every posting scored, same run: median {b.MedianMs:F2} ms, p95 {b.P95Ms:F2} ms)");
        // On a shared machine the wall clock counts other processes' turns too; the process's CPU time does not.
        var gen2 = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var update = Measure(index, PassagesOf, updates);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        say($"incremental update, one article ({update.Samples} updates, half new, half replacing): median {update.MedianMs:F1} ms, " +
            $"p95 {update.P95Ms:F1} ms, max {update.MaxMs:F1} ms; " +
            $"process CPU time {cpu.TotalMilliseconds / update.Samples:F1} ms an update " +
            $"(all threads), {GC.CollectionCount(2) - gen2} full collections");
    }
}
