using Bot.Knowledge.Ingestion;

namespace Bot.Knowledge.LayoffData;

/// <summary>Lets <c>ingest</c> take layoffs.fyi and WARN CSV files: the header decides, the importer reports.</summary>
internal sealed class DataFileIngestAdapter(DataFileImporter importer) : IDataFileImporter
{
    public bool CanImport(string path, string firstLine) => DataFileImporter.Detect(path) != DataFileKind.Unknown;

    public IngestItemResult Import(string path, CancellationToken cancellationToken)
    {
        var report = importer.TryImport(path, cancellationToken);
        if (report is null) return new IngestItemResult(path, IngestOutcome.Skipped, Reason: "not a layoffs.fyi or WARN file");
        var outcome = report.Added > 0 ? IngestOutcome.Added : report.Updated > 0 ? IngestOutcome.Updated : IngestOutcome.Unchanged;
        var skipped = report.Skipped.Count == 0 ? null : $"{report.Skipped.Count} rows skipped, e.g. line {report.Skipped[0].Line}: {report.Skipped[0].Reason}";
        return new IngestItemResult(path, outcome, $"{report.Dataset}: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Duplicates} duplicates", skipped);
    }
}
