namespace Bot.Knowledge.LayoffData;

/// <summary>Which layout a CSV table's header row has.</summary>
public enum DataFileKind
{
    Unknown,
    LayoffsFyi,
    WarnNotices,
}

/// <summary>
/// The data importer of <c>ingest</c>, the seeding and the polled data feeds for .csv files: recognises a layoffs.fyi
/// or WARN register table by its header and runs the matching importer. Under <see cref="IngestionPipeline"/> the
/// header is the line the pipeline already read (<see cref="CanImport"/>); elsewhere it is read once per import.
/// </summary>
public sealed class DataFileImporter(ILayoffRowStore rows, IWarnNoticeStore notices, ILoggerFactory? loggerFactory = null)
    : IDataFileImporter
{
    /// <summary>Into the LiteDB collections of <paramref name="database"/>.</summary>
    public DataFileImporter(ILiteDatabase database, ILoggerFactory? loggerFactory = null)
        : this(new LiteLayoffRowStore(database), new LiteWarnNoticeStore(database), loggerFactory)
    {
    }

    public bool CanImport(string path, string firstLine) => KindOfHeader(firstLine) != DataFileKind.Unknown;

    /// <summary>Imports the file for <c>ingest</c> and reports it the way ingestion reports an article.</summary>
    public IngestItemResult Import(string path, CancellationToken cancellationToken)
    {
        var report = TryImport(path, cancellationToken);
        if (report is null) return new IngestItemResult(path, IngestOutcome.Skipped, Reason: "not a layoffs.fyi or WARN file");
        var outcome = report.Added > 0 ? IngestOutcome.Added : report.Updated > 0 ? IngestOutcome.Updated : IngestOutcome.Unchanged;
        var skipped = report.Skipped.Count == 0
            ? null
            : $"{report.Skipped.Count} rows skipped, e.g. line {report.Skipped[0].Line}: {report.Skipped[0].Reason}";
        var title = $"{report.Dataset}: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, "
            + $"{report.Duplicates} duplicates";
        return new IngestItemResult(path, outcome, title, skipped);
    }

    /// <summary>Imports the file when its header is a known layout; null when it is some other CSV.</summary>
    public ImportReport? TryImport(string path, CancellationToken cancellationToken = default) =>
        Import(KindOfFile(path), path, cancellationToken);

    /// <summary>Imports a file whose header the caller has already recognised as <paramref name="kind"/>.</summary>
    internal ImportReport? Import(DataFileKind kind, string path, CancellationToken cancellationToken) =>
        kind switch
        {
            DataFileKind.LayoffsFyi =>
                new LayoffsFyiImporter(rows, loggerFactory?.CreateLogger<LayoffsFyiImporter>()).Import(path, cancellationToken),
            DataFileKind.WarnNotices =>
                new WarnNoticeImporter(notices, loggerFactory?.CreateLogger<WarnNoticeImporter>()).Import(path, cancellationToken),
            _ => null,
        };

    /// <summary>Which layout the file's header row has (reads the first record only).</summary>
    public static DataFileKind KindOfFile(string path) => KindOf(CsvRecordReader.ReadFile(path).FirstOrDefault());

    /// <summary>Which layout a header line has.</summary>
    public static DataFileKind KindOfHeader(string line) => KindOf(CsvRecordReader.Read(new StringReader(line)).FirstOrDefault());

    /// <summary>Which layout a header row's fields have.</summary>
    public static DataFileKind KindOf(IReadOnlyList<string> header) =>
        LayoffsFyiLayout.Detect(header) is not null ? DataFileKind.LayoffsFyi
        : WarnLayout.Detect(header) is not null ? DataFileKind.WarnNotices
        : DataFileKind.Unknown;

    private static DataFileKind KindOf(CsvRecord? header) => header is null ? DataFileKind.Unknown : KindOf(header.Fields);
}
