using Bot.Knowledge.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>Fills an empty knowledge base from <see cref="KnowledgeOptions.SeedPaths"/>, so a fresh clone answers at once.</summary>
public sealed class KnowledgeSeeder(DocumentStore store, IngestionPipeline pipeline, IOptions<KnowledgeOptions> options)
{
    public bool IsEmpty => store.DocumentCount == 0;

    /// <summary>Ingests the seed paths when the database is empty; missing paths are reported, not fatal.</summary>
    public async Task<IngestReport?> SeedIfEmptyAsync(Action<string> say, CancellationToken cancellationToken)
    {
        if (!IsEmpty) return null;
        var paths = new List<string>();
        foreach (var configured in options.Value.SeedPaths)
        {
            var path = RepositoryPaths.Resolve(configured);
            if (Directory.Exists(path) || File.Exists(path)) paths.Add(path);
            else say($"Seed path not found, skipped: {configured} (resolved to {path})");
        }
        if (paths.Count == 0) return null;
        say($"The knowledge base is empty; ingesting {string.Join(", ", paths)} ...");
        var report = await pipeline.IngestAsync(paths, null, cancellationToken);
        say($"Ingested {report.Count(IngestOutcome.Added)} sources ({report.Count(IngestOutcome.Failed)} failed, {report.Count(IngestOutcome.Skipped)} skipped).");
        return report;
    }
}
