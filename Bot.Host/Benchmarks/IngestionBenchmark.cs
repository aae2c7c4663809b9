using System.Diagnostics;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Text;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Ingests the real articles one file at a time through <see cref="IngestionPipeline"/> (read, parse,
/// dedupe, segment, embed, store) and times the raw encoder, warm, on exactly the texts the pipeline embeds.
/// </summary>
internal static class IngestionBenchmark
{
    public static async Task<IngestionMeasurement>
        RunAsync(IServiceProvider services, string articlesFolder, Action<string> say, CancellationToken cancellationToken)
    {
        var embedder = services.GetRequiredService<ITextEmbedder>();
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var store = services.GetRequiredService<IDocumentStore>();
        var articles = LoadArticles(articlesFolder);
        embedder.Embed("warm-up");

        // Interleaved per article, alternating which goes first, so load from other processes on
        // this shared machine falls on both sides alike.
        var raw = TimeSpan.Zero;
        var piped = TimeSpan.Zero;
        var rawPassages = 0;
        var watch = new Stopwatch();
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var texts = PassageChunker.Chunk(SentenceSegmenter.Split(article.Text)).Select(s
                => IngestionPipeline.EmbeddingText(article.Title, s.Of(article.Text))).ToList();
            rawPassages += texts.Count;
            for (var turn = 0; turn < 2; turn++)
            {
                watch.Restart();
                if ((turn + i) % 2 == 0)
                {
                    foreach (var text in texts) embedder.Embed(text);
                    raw += watch.Elapsed;
                }
                else
                {
                    var results = await pipeline.IngestFileAsync(article.SourcePath!, cancellationToken);
                    piped += watch.Elapsed;
                    if (results.Any(r => r.Outcome != IngestOutcome.Added)) throw new
                        InvalidOperationException($"{article.SourcePath} was not added: {results[0].Reason}");
                }
            }
        }
        var documents = store.DocumentCount;
        var passages = store.PassageCount;
        if (passages != rawPassages) throw new
            InvalidOperationException($"The pipeline stored {passages} passages, the benchmark chunked {rawPassages}.");
        var encoder = passages / raw.TotalSeconds;
        var pipelineRate = passages / piped.TotalSeconds;
        say($"  {documents} documents, {passages} passages: pipeline {piped.TotalSeconds:F1} s ({pipelineRate:F1} passages/s), raw " +
            $"encoder {raw.TotalSeconds:F1} s ({encoder:F1} passages/s)");
        return new IngestionMeasurement
        {
            Documents = documents, Passages = passages,
            AverageDocumentChars = articles.Average(a => a.Text.Length),
            AveragePassageChars = store.AllPassages().Average(p => p.Text.Length),
            RawEncoderSeconds = raw.TotalSeconds, RawEncoderPassagesPerSecond = encoder,
            PipelineSeconds = piped.TotalSeconds, PipelineDocumentsPerSecond = documents / piped.TotalSeconds,
                PipelinePassagesPerSecond = pipelineRate,
            ShareOfEncoderThroughput = pipelineRate / encoder,
        };
    }

    /// <summary>The shared articles as ingestion parses them (front matter, title, text).</summary>
    public static IReadOnlyList<ParsedDocument> LoadArticles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => FrontMatterDocumentParser.Parse(File.ReadAllText(path), path, "markdown") with
                { SourcePath = Path.GetFullPath(path) })
            .ToList();

}
