using System.Diagnostics;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Ingests the real articles through <see cref="IngestionPipeline"/> (parse, dedupe, segment, embed,
/// store) and times the raw encoder on exactly the texts the pipeline embeds, before and after it, warm.
/// </summary>
internal static class IngestionBenchmark
{
    public static async Task<IngestionMeasurement> RunAsync(IServiceProvider services, string articlesFolder, Action<string> say, CancellationToken cancellationToken)
    {
        var embedder = services.GetRequiredService<ITextEmbedder>();
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var store = services.GetRequiredService<DocumentStore>();
        var articles = LoadArticles(articlesFolder);
        var texts = articles.SelectMany(a => PassageChunker.Chunk(SentenceSegmenter.Split(a.Text))
            .Select(s => IngestionPipeline.EmbeddingText(a.Title, s.Of(a.Text)))).ToList();
        embedder.Embed("warm-up");

        var before = RawEncoder(embedder, texts, cancellationToken);
        say($"  raw encoder: {before:F1} passages/s over {texts.Count} passages");
        var watch = Stopwatch.StartNew();
        var report = await pipeline.IngestAsync([articlesFolder], null, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        if (report.Count(IngestOutcome.Failed) > 0) throw new InvalidOperationException($"{report.Count(IngestOutcome.Failed)} articles failed to ingest.");
        var after = RawEncoder(embedder, texts, cancellationToken);
        var documents = store.DocumentCount;
        var passages = store.PassageCount;
        var ceiling = Math.Max(before, after);
        say($"  pipeline: {documents} documents, {passages} passages in {seconds:F1} s ({passages / seconds:F1} passages/s); raw encoder after: {after:F1} passages/s");
        return new IngestionMeasurement
        {
            Documents = documents, Passages = passages,
            AverageDocumentChars = articles.Average(a => a.Text.Length),
            AveragePassageChars = store.AllPassages().Average(p => p.Text.Length),
            RawEncoderPassagesPerSecond = ceiling, RawEncoderRunsPassagesPerSecond = [before, after],
            PipelineSeconds = seconds, PipelineDocumentsPerSecond = documents / seconds, PipelinePassagesPerSecond = passages / seconds,
            ShareOfEncoderThroughput = passages / seconds / ceiling,
        };
    }

    /// <summary>The shared articles as ingestion parses them (front matter, title, text).</summary>
    public static IReadOnlyList<ParsedDocument> LoadArticles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => FrontMatterDocumentParser.Parse(File.ReadAllText(path), path, "markdown") with { SourcePath = Path.GetFullPath(path) })
            .ToList();

    private static double RawEncoder(ITextEmbedder embedder, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embedder.Embed(text);
        }
        return texts.Count / watch.Elapsed.TotalSeconds;
    }
}
