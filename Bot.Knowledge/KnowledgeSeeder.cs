namespace Bot.Knowledge;

/// <summary>
/// The one seeder: fills an empty knowledge base from <see cref="KnowledgeOptions.SeedPaths"/>, so a fresh clone
/// answers at once (<c>ask</c>, <c>eval</c>, <c>digest</c>, <c>serve</c>), and gives the data verbs their layoff rows
/// (<see cref="SeedLayoffDataAsync"/>). Everything goes through <see cref="IngestionPipeline"/>, which hands CSV
/// tables to the data importers. Seeding records which paths it set out to ingest and which it finished, so a run
/// that was interrupted (Ctrl+C, a killed process) is completed by the next command instead of leaving a partial
/// base that answers as if it were whole. A database filled by hand is never seeded.
/// </summary>
public sealed class KnowledgeSeeder(
    IDocumentStore store, IKnowledgeMeta meta, ILayoffRowStore rows, IngestionPipeline pipeline, IOptions<KnowledgeOptions> options)
{
    public bool IsEmpty => store.DocumentCount == 0;

    /// <summary>Seeds an empty database, or completes an interrupted seeding; null when there was nothing to do.</summary>
    public async Task<IngestReport?> SeedOrResumeAsync(Action<string> say, CancellationToken cancellationToken)
    {
        var state = meta.ReadSeeding();
        List<string> pending;
        if (state is null)
        {
            if (!IsEmpty) return null;
            pending = ExistingSeedPaths(say);
            if (pending.Count == 0) return null;
            meta.WriteSeeding(new SeedingProgress(pending, []));
            say($"The knowledge base is empty; ingesting {string.Join(", ", pending)} ...");
        }
        else
        {
            var done = state.Done.ToHashSet(StringComparer.Ordinal);
            pending = state.Paths.Where(p => !done.Contains(p)).ToList();
            if (pending.Count == 0) return null;
            say($"An earlier seeding of the knowledge base was interrupted; completing it: {string.Join(", ", pending)} ...");
        }

        var items = new List<IngestItemResult>();
        foreach (var path in pending)
        {
            var report = await pipeline.IngestAsync([path], null, cancellationToken);
            items.AddRange(report.Items);
            MarkDone(path);
            say($"Seeded {path}: {report.Count(IngestOutcome.Added)} added, {report.Count(IngestOutcome.Failed)} failed.");
        }
        var all = new IngestReport(items);
        say($"Ingested {all.Count(IngestOutcome.Added)} sources ({all.Count(IngestOutcome.Failed)} failed, "
            + $"{all.Count(IngestOutcome.Skipped)} skipped).");
        return all;
    }

    /// <summary>
    /// For the data verbs (<c>layoffs</c>, <c>top</c>, <c>digest</c>): when the base holds no layoffs.fyi rows, imports
    /// the CSV files among the seed paths, and only those (no articles to embed, so a fresh clone answers in seconds).
    /// Importing is idempotent, so a run cut short is completed by the next one that still finds no rows.
    /// </summary>
    public async Task SeedLayoffDataAsync(Action<string> say, CancellationToken cancellationToken)
    {
        if (rows.Count() > 0) return;
        var files = options.Value.SeedPaths
            .Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .ToList();
        if (files.Count == 0)
        {
            say("The database has no layoffs.fyi rows and no seed CSV file (Knowledge:SeedPaths) was found.");
            return;
        }
        say($"The database has no layoffs.fyi rows yet; importing {string.Join(", ", files)} ...");
        foreach (var file in files)
        {
            var result = (await pipeline.IngestFileAsync(file, cancellationToken))[0];
            say($"{result.Outcome.ToString().ToLowerInvariant()}: {result.Title ?? result.Source}"
                + (result.Reason is null ? "" : $" ({result.Reason})"));
        }
    }

    /// <summary>The configured seed paths that exist; missing ones are reported, not fatal.</summary>
    private List<string> ExistingSeedPaths(Action<string> say)
    {
        var paths = new List<string>();
        foreach (var configured in options.Value.SeedPaths)
        {
            var path = Path.GetFullPath(configured);
            if (Directory.Exists(path) || File.Exists(path)) paths.Add(path);
            else say($"Seed path not found, skipped: {configured} (resolved to {path})");
        }
        return paths;
    }

    private void MarkDone(string path)
    {
        var state = meta.ReadSeeding()!;
        meta.WriteSeeding(state with { Done = [.. state.Done, path] });
    }
}
