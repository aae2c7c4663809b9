using LiteDB;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Entry point for <c>ingest</c> on .csv files: recognises a layoffs.fyi or WARN register file by its header and
/// runs the matching importer.
/// </summary>
public sealed class DataFileImporter(ILayoffRowStore rows, IWarnNoticeStore notices, ILoggerFactory? loggerFactory = null)
{
    /// <summary>Into the LiteDB collections of <paramref name="database"/>.</summary>
    public DataFileImporter(ILiteDatabase database, ILoggerFactory? loggerFactory = null)
        : this(new LiteLayoffRowStore(database), new LiteWarnNoticeStore(database), loggerFactory)
    {
    }

    /// <summary>Imports the file when its header is a known layout; null when it is some other CSV.</summary>
    public ImportReport? TryImport(string path, CancellationToken cancellationToken = default) =>
        Detect(path) switch
        {
            DataFileKind.LayoffsFyi =>
                new LayoffsFyiImporter(rows, loggerFactory?.CreateLogger<LayoffsFyiImporter>()).Import(path, cancellationToken),
            DataFileKind.WarnNotices =>
                new WarnNoticeImporter(notices, loggerFactory?.CreateLogger<WarnNoticeImporter>()).Import(path, cancellationToken),
            _ => null,
        };

    /// <summary>Which layout the file's header row has.</summary>
    public static DataFileKind Detect(string path)
    {
        var header = CsvRecordReader.ReadFile(path).FirstOrDefault();
        if (header is null) return DataFileKind.Unknown;
        if (LayoffsFyiLayout.Detect(header.Fields) is not null) return DataFileKind.LayoffsFyi;
        if (WarnLayout.Detect(header.Fields) is not null) return DataFileKind.WarnNotices;
        return DataFileKind.Unknown;
    }
}
