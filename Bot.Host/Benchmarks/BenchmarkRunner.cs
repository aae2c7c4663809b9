using Bot.Knowledge.Retrieval;
using System.Diagnostics;
using Bot.Knowledge.Companies;
using Bot.Knowledge.Embeddings;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Runs the whole benchmark: ingestion of the real articles (pipeline vs raw encoder), the synthetic
/// corpus embeddings (cached by passage text), then for the real corpus and each size a database
/// measured by a fresh process of its own (<c>bench --measure-db</c>).
/// </summary>
internal static class BenchmarkRunner
{
    /// <summary>Only errors are logged: the answer engine's warnings would drown the progress lines (a category rule beats the CLI's
    /// default filter).</summary>
    public static readonly Dictionary<string, string?> Quiet = new() { ["Logging:LogLevel:Bot"] = "Error" };

    /// <summary>The LiteDB runs stay on LiteDB whatever the environment says (the PostgreSQL column has its own runs).</summary>
    private static readonly Dictionary<string, string?> OnLiteDb = new(Quiet) { ["Knowledge:Store"] = "litedb" };
    private static readonly Dictionary<string, string> LiteDbEnvironment = new() { ["Knowledge__Store"] = "litedb" };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BenchmarkReport>
        RunAsync(BenchmarkOptions options, string command, Action<string> say, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        Directory.CreateDirectory(options.WorkFolder);
        var realDb = Path.Combine(options.WorkFolder, "real.db");
        DeleteDatabase(realDb);

        say("Ingestion: the shared articles through the pipeline, and the raw encoder on the same passages ...");
        IngestionMeasurement ingestion;
        EmbeddingPoolMeasurement? pool = null;
        SyntheticCorpusGenerator? generator = null;
        EmbeddingCache? cache = null;
        using (var host = BotHostFactory.CreateCliHost(realDb, OnLiteDb))
        {
            ingestion = await IngestionBenchmark.RunAsync(host.Services, options.ArticlesFolder, say, cancellationToken);
            var maxSynthetic = options.Sizes.Count == 0 ? 0 : options.Sizes.Max() - ingestion.Documents;
            if (maxSynthetic > 0)
            {
                var embedder = host.Services.GetRequiredService<ITextEmbedder>();
                generator = new SyntheticCorpusGenerator(IngestionBenchmark.LoadArticles(options.ArticlesFolder),
                    host.Services.GetRequiredService<CompanyCatalog>(), Math.Min(options.Variants, maxSynthetic), options.Seed);
                var texts = generator.EmbeddingTexts;
                cache = EmbeddingCache.Load(options.EmbeddingCachePath, embedder.Dimensions);
                say($"Synthetic corpus: {generator.Variants.Count} article variants, {texts.Count} distinct passage texts; embedding " +
                    $"those not in {options.EmbeddingCachePath} ...");
                var (computed, elapsed) = cache.EnsureAll(texts, embedder, n => say($"  embedded {n} ..."), cancellationToken);
                cache.Save(options.EmbeddingCachePath);
                pool = new EmbeddingPoolMeasurement(generator.Variants.Count, texts.Count, computed, texts.Count - computed,
                    elapsed.TotalSeconds,
                    computed == 0 ? 0 : computed / elapsed.TotalSeconds);
                say($"  {computed} embedded in {elapsed.TotalSeconds:F1} s, {texts.Count - computed} reused");
            }
        }
        ingestion = ingestion with { DatabaseBytes = DatabaseBytes(realDb) };

        var sizes = new List<SizeResult>();
        say($"Measuring the real corpus ({ingestion.Documents} documents) ...");
        sizes.Add(new SizeResult(ingestion.Documents, 0, 0, 0, ingestion.DatabaseBytes,
            await MeasureInChildAsync(realDb, options, LiteDbEnvironment, cancellationToken)));
        foreach (var size in options.Sizes.Order())
        {
            var synthetic = size - ingestion.Documents;
            if (synthetic <= 0 || generator is null || cache is null) continue;
            var db = Path.Combine(options.WorkFolder, $"corpus-{size}.db");
            DeleteDatabase(db);
            File.Copy(realDb, db);
            say($"Corpus of {size} documents: writing {synthetic} synthetic documents ...");
            var watch = Stopwatch.StartNew();
            int passages;
            double snapshotBuild;
            using (var kb = KnowledgeDatabase.Open(db))
            {
                passages = SyntheticCorpusWriter.Write(kb, generator.Generate(synthetic), cache, DateTime.UtcNow, cancellationToken);
                // As a running bot would have left it: the index snapshot saved beside the database, so the
                // measuring process starts the way a restart does.
                var build = Stopwatch.StartNew();
                KnowledgeIndexSnapshot.Save(KnowledgeIndex.Build(kb, 384), kb, KnowledgeIndexSnapshot.PathFor(kb.FilePath!));
                snapshotBuild = build.Elapsed.TotalSeconds;
            }
            var write = watch.Elapsed.TotalSeconds - snapshotBuild;
            var bytes = DatabaseBytes(db);
            say($"  {passages} passages written in {write:F1} s ({BenchmarkTargets.Mb(bytes)}); index built and saved in " +
                $"{snapshotBuild:F1} s; measuring ...");
            var measured = await MeasureInChildAsync(db, options, LiteDbEnvironment, cancellationToken);
            sizes.Add(new SizeResult(size, synthetic, passages, write, bytes, measured)
            {
                IndexSnapshotBuildSeconds = snapshotBuild,
            });
            DeleteDatabase(db);
        }
        DeleteDatabase(realDb);
        var postgres = options.PostgresServer is null ? null : await PostgresBenchmark.RunAsync(options, generator, cache,
            (name, environment) =>
                MeasureInChildAsync(Path.Combine(options.WorkFolder, name + ".unused.db"), options, environment, cancellationToken),
            say, cancellationToken);
        if (Directory.Exists(Path.Combine(options.WorkFolder, "lucene")))
            Directory.Delete(Path.Combine(options.WorkFolder, "lucene"), recursive: true);
        File.Delete(Path.Combine(options.WorkFolder, "measurement.json"));

        return new BenchmarkReport
        {
            Command = command, StartedAt = started, Options = options,
            Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            Ingestion = ingestion, EmbeddingPool = pool, Sizes = sizes, Postgres = postgres,
            Targets = BenchmarkTargets.Check(ingestion, sizes),
        };
    }

    /// <summary>Runs <c>bench --measure-db</c> in a new process of this program and reads its result file.</summary>
    private static async Task<CorpusMeasurement> MeasureInChildAsync(
        string db, BenchmarkOptions options, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var resultPath = Path.Combine(options.WorkFolder, "measurement.json");
        File.Delete(resultPath);
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var start = new ProcessStartInfo { FileName = program, UseShellExecute = false };
        foreach (var (name, value) in environment) start.Environment[name] = value; // the store, and never a password on the command line
        if (Path.GetFileNameWithoutExtension(program).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(BenchmarkRunner).Assembly.Location);
        foreach (var argument in (string[])["bench", "--measure-db", db, "--questions", options.QuestionsPath,
                     "--repeat", options.Repeat.ToString(CultureInfo.InvariantCulture), "--result", resultPath, "--work-dir",
                         options.WorkFolder])
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        try
        {
            await child.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }
        if (child.ExitCode != 0) throw new InvalidOperationException($"The measuring process for {db} exited with code {child.ExitCode}.");
        return JsonSerializer.Deserialize<CorpusMeasurement>(await File.ReadAllTextAsync(resultPath, cancellationToken), Json)
            ?? throw new InvalidOperationException($"The measuring process wrote no result to {resultPath}.");
    }

    private static long DatabaseBytes(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length : 0) + (File.Exists(LogPath(path)) ? new FileInfo(LogPath(path)).Length : 0);

    private static void DeleteDatabase(string path)
    {
        File.Delete(path);
        File.Delete(LogPath(path));
        File.Delete(KnowledgeIndexSnapshot.PathFor(Path.GetFullPath(path)));
    }

    /// <summary>LiteDB's write-ahead log next to the data file.</summary>
    private static string LogPath(string path)
        => Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
}
