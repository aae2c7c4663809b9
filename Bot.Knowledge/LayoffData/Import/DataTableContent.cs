using System.Security.Cryptography;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// A downloaded CSV table in the layoffs.fyi or WARN layout, imported through the same importers as <c>ingest</c>
/// (new and changed rows are written, rows the table dropped are removed, unchanged ones stay). The whole download is
/// checked first: an unknown header, a row whose field count differs from the header's (a cut-off or garbled
/// download) or a table without rows is refused with a <see cref="FormatException"/> and changes nothing.
/// </summary>
internal sealed class DataTableContent(DataFileImporter importer) : IPolledContent
{
    public Task<PolledContentResult> HandleAsync(string url, FetchResult fetched, CancellationToken cancellationToken)
    {
        var records = CsvRecordReader.Read(new StringReader(fetched.Body)).ToList();
        if (records.Count == 0) throw new FormatException("the download is empty");
        var header = records[0].Fields;
        var kind = DataFileImporter.KindOf(header);
        if (kind == DataFileKind.Unknown) throw new FormatException("the header is neither a layoffs.fyi nor a WARN table");
        if (records.Count == 1) throw new FormatException("the table has no rows");
        if (records.Skip(1).FirstOrDefault(r => r.Fields.Count != header.Count) is { } bad)
            throw new FormatException($"line {bad.Line} has {bad.Fields.Count} fields where the header has {header.Count}: the download " +
                $"is malformed or cut off");

        var folder = Directory.CreateTempSubdirectory("layoffbot-datafeed-").FullName;
        try
        {
            var path = Path.Combine(folder, FileName(url));
            File.WriteAllText(path, fetched.Body);
            var report = importer.Import(kind, path, cancellationToken)
                ?? throw new FormatException("the table's layout was not recognised");
            return Task.FromResult(new PolledContentResult(report.Added + report.Updated, 0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The name rows are cited with and replaced by on the next download: the URL's file name plus a short hash of the
    /// URL, so two feeds (or a feed and a shared file of the same name) never replace each other's rows.
    /// </summary>
    public static string FileName(string url)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..8];
        var segment = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetFileNameWithoutExtension(uri.AbsolutePath) : "";
        var safe = new string(segment.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return $"{(safe.Length == 0 ? "datafeed" : safe)}-{hash}.csv";
    }
}
