using System.CommandLine;
using Bot.Host.Benchmarks;

namespace Bot.Host.Cli;

/// <summary>
/// <c>bench [--sizes 1000,10000,50000] [--quick] [--json PATH] [--store postgres --connection CS]</c>: ingestion throughput,
/// ask latency, start-up, peak memory and recall@5 against a Lucene.Net BM25 peer, and the same on PostgreSQL when given a
/// server; prints markdown, writes JSON.
/// </summary>
internal static class BenchCommand
{
    private const string DefaultSizes = "1000,10000,50000";

    public static Command Create()
    {
        var sizes = new Option<string?>("--sizes")
            { Description = $"Corpus sizes in documents, comma-separated (default {DefaultSizes}; the real articles count towards each)." };
        var quick = new Option<bool>("--quick") { Description = "A CI-size run: one size of 300 documents, 40 variants, one timed round." };
        var json = new Option<string?>("--json") { Description = "Also write the full results as JSON to this path." };
        var variants = new Option<int?>("--variants")
            { Description = "Distinct article variants embedded for the synthetic corpora (default 600)." };
        var repeat = new Option<int?>("--repeat") { Description = "Timed rounds over the dev questions per size (default 3)." };
        var workDir = new Option<string?>("--work-dir")
            { Description = "Folder for the temporary databases and the embedding cache (default: <temp>/layoffbot-bench)." };
        var cachePath = new Option<string?>("--embedding-cache")
            { Description = "Embedding cache file, reused between runs (default: <work-dir>/embeddings.bin)." };
        var articles = new Option<string>("--articles")
            { Description = "The real articles.", DefaultValueFactory = _ => "../shared/data/articles" };
        var questions = new Option<string>("--questions")
            { Description = "Dev questions with their source files.", DefaultValueFactory = _ => "../shared/eval/dev.jsonl" };
        var store = new Option<string?>("--store")
        {
            Description = "Also measure PostgreSQL: 'postgres' (default: Knowledge:Store). LiteDB is always measured.",
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "With --store postgres: an Npgsql connection string to a server and a role that may create databases "
                + "(default: Knowledge:ConnectionString); the run creates a scratch database there and drops it.",
        };
        // Internal: one measuring process per corpus size (start-up and peak memory belong to that size alone).
        var measureDb = new Option<string?>("--measure-db") { Hidden = true };
        var result = new Option<string?>("--result") { Hidden = true };
        var incrementalAt = new Option<int?>("--incremental-only")
        {
            Description = "Only time incremental index updates, on an index of this many generated documents built in memory.",
        };
        var command = new Command("bench",
            "Benchmark ingestion, ask latency, memory and retrieval quality (vs Lucene.Net BM25) on real and synthetic corpora.")
        {
            sizes, quick, json, variants, repeat, workDir, cachePath, articles, questions, store, connection, measureDb, result,
            incrementalAt,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(incrementalAt) is { } generated)
            {
                IncrementalUpdateBenchmark.MeasureGenerated(generated, updates: 20, line => Console.Error.WriteLine(line));
                return 0;
            }
            IReadOnlyList<int> sizeList;
            var isQuick = parse.GetValue(quick);
            try
            {
                sizeList = ParseSizes(parse.GetValue(sizes) ?? (isQuick ? "300" : DefaultSizes));
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            var settings = new ConfigurationManager();
            Hosting.BotHostFactory.ConfigureConfiguration(settings, null);
            var storeName = parse.GetValue(store) ?? settings["Knowledge:Store"] ?? KnowledgeStores.LiteDb;
            var server = parse.GetValue(connection) ?? settings["Knowledge:ConnectionString"];
            if (storeName is not (KnowledgeStores.LiteDb or KnowledgeStores.Postgres)
                || (storeName == KnowledgeStores.Postgres && string.IsNullOrWhiteSpace(server)))
            {
                await Console.Error.WriteLineAsync(
                    "--store must be 'litedb' or 'postgres', and 'postgres' needs --connection (or Knowledge:ConnectionString).");
                return 2;
            }
            var work = Path.GetFullPath(parse.GetValue(workDir) ?? Path.Combine(Path.GetTempPath(), "layoffbot-bench"));
            var options = new BenchmarkOptions
            {
                Sizes = sizeList,
                Variants = parse.GetValue(variants) ?? (isQuick ? 40 : 600),
                Repeat = parse.GetValue(repeat) ?? (isQuick ? 1 : 3),
                WorkFolder = work,
                EmbeddingCachePath = Path.GetFullPath(parse.GetValue(cachePath) ?? Path.Combine(work, "embeddings.bin")),
                ArticlesFolder = Path.GetFullPath(RepositoryPaths.UserPath(parse.GetValue(articles)!)),
                QuestionsPath = Path.GetFullPath(RepositoryPaths.UserPath(parse.GetValue(questions)!)),
                PostgresServer = storeName == KnowledgeStores.Postgres && parse.GetValue(measureDb) is null ? server : null,
            };
            if (parse.GetValue(measureDb) is { } db)
                return await MeasureAsync(db, options,
                    parse.GetValue(result) ?? throw new InvalidOperationException("--measure-db needs --result."), ct);
            return await RunAsync(options, parse.GetValue(json), Console.Out, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(BenchmarkOptions options, string? jsonPath, TextWriter output,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.ArticlesFolder))
            { await Console.Error.WriteLineAsync($"No articles folder at {options.ArticlesFolder} (--articles)."); return 2; }
        if (!File.Exists(options.QuestionsPath))
            { await Console.Error.WriteLineAsync($"No questions file at {options.QuestionsPath} (--questions)."); return 2; }
        var command = "bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).SkipWhile(a => a != "bench").Skip(1));
        var report = await BenchmarkRunner.RunAsync(options, command.Trim(), line => Console.Error.WriteLine(line), cancellationToken);
        await output.WriteLineAsync(BenchmarkMarkdown.Render(report));
        if (jsonPath is not null)
        {
            var full = RepositoryPaths.Resolve(jsonPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, JsonSerializer.Serialize(report, BenchmarkRunner.Json), cancellationToken);
            await Console.Error.WriteLineAsync($"JSON written to {full}");
        }
        return 0;
    }

    private static async Task<int> MeasureAsync(string db, BenchmarkOptions options, string resultPath, CancellationToken cancellationToken)
    {
        var measurement = await CorpusBenchmark.RunAsync(db, options.QuestionsPath, options.Repeat,
            Path.Combine(options.WorkFolder, "lucene"),
            line => Console.Error.WriteLine(line), cancellationToken);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(measurement, BenchmarkRunner.Json), cancellationToken);
        return 0;
    }

    internal static IReadOnlyList<int> ParseSizes(string text)
    {
        var sizes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s.Replace("k", "000", StringComparison.OrdinalIgnoreCase), NumberStyles.None,
                CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"--sizes: '{s}' is not a positive number of documents."))
            .Distinct().Order().ToList();
        return sizes.Count > 0 ? sizes : throw new ArgumentException("--sizes needs at least one size.");
    }
}
