using System.Diagnostics;

namespace Bot.Host.Benchmarks;

/// <summary>The PostgreSQL column: ingestion of the real articles and each corpus size, measured like LiteDB's.</summary>
internal sealed record PostgresBenchmarkResult(IngestionMeasurement Ingestion, IReadOnlyList<SizeResult> Sizes);

/// <summary>
/// Runs the corpora on PostgreSQL, in a scratch database it creates on the given server and drops at the end: the real
/// articles through the pipeline (each document saved in its own transaction, as ingestion does), then the synthetic
/// documents of each size added through the same store, each size measured by a process of its own.
/// </summary>
internal static class PostgresBenchmark
{
    public static async Task<PostgresBenchmarkResult> RunAsync(
        BenchmarkOptions options, SyntheticCorpusGenerator? generator, EmbeddingCache? cache,
        Func<string, IReadOnlyDictionary<string, string>, Task<CorpusMeasurement>> measure, Action<string> say,
        CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(options.PostgresServer) { Pooling = false };
        var name = "layoffbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        await AdministerAsync(server, $"CREATE DATABASE {name}", cancellationToken);
        try
        {
            var database = new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = name }.ConnectionString;
            var settings = new Dictionary<string, string?>(BenchmarkRunner.Quiet)
            {
                ["Knowledge:Store"] = "postgres", ["Knowledge:ConnectionString"] = database,
            };
            var environment = new Dictionary<string, string>
            {
                ["Knowledge__Store"] = "postgres", ["Knowledge__ConnectionString"] = database,
            };
            say($"PostgreSQL (scratch database {name} on {server.Host}): the shared articles through the pipeline ...");
            using var host = BotHostFactory.CreateCliHost(null, settings);
            var ingestion = await IngestionBenchmark.RunAsync(host.Services, options.ArticlesFolder, say, cancellationToken);
            var sizes = new List<SizeResult> { new(ingestion.Documents, 0, 0, 0, 0, await measure(name, environment)) };
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var written = 0;
            foreach (var size in options.Sizes.Order())
            {
                var synthetic = size - ingestion.Documents;
                if (synthetic <= 0 || generator is null || cache is null) continue;
                say($"PostgreSQL corpus of {size} documents: adding {synthetic - written} synthetic documents, one transaction each ...");
                var watch = Stopwatch.StartNew();
                var passages = 0;
                foreach (var document in generator.Generate(synthetic).Skip(written))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var records = SyntheticCorpusWriter.Passages(document, cache).ToList();
                    store.Save(document.Document, records);
                    passages += records.Count;
                }
                written = synthetic;
                var seconds = watch.Elapsed.TotalSeconds;
                say($"  {passages} passages written in {seconds:F1} s; measuring ...");
                sizes.Add(new SizeResult(size, synthetic, passages, seconds, 0, await measure(name, environment)));
            }
            return new PostgresBenchmarkResult(ingestion, sizes);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdministerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task AdministerAsync(NpgsqlConnectionStringBuilder server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
