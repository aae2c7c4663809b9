namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Imports layoffs.fyi CSV files (both layouts, see <see cref="LayoffsFyiLayout"/>) into
/// <see cref="LayoffDataCollections.Rows"/>. Idempotent: ids are deterministic and a row already stored with the same
/// content is left alone. The same company and date in both files is one row: the primary export's row, with
/// the other file's line kept as an extra source. Duplicate lines (same company, date, location and figures)
/// are skipped with their line number; their source URL is kept on the row they repeat.
/// </summary>
internal sealed class LayoffsFyiImporter(ILayoffRowStore store, ILogger<LayoffsFyiImporter>? logger = null)
    : DatasetImporter(logger)
{
    /// <summary>Into the LiteDB collection of <paramref name="database"/>.</summary>
    public LayoffsFyiImporter(ILiteDatabase database, ILogger<LayoffsFyiImporter>? logger = null)
        : this(new LiteLayoffRowStore(database), logger)
    {
    }

    protected override ImportReport ImportFiles(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var state = new LayoffRowReconciler(store.OfDataset(LayoffDatasets.LayoffsFyi));
        var skipped = new List<SkippedRow>();
        var read = 0;
        var duplicates = 0;

        // Primary files first, so that the overlap between the two files resolves the same way in any order.
        var files = paths.Select(path => (path, records: CsvRecordReader.ReadFile(path).ToList()))
            .Select(f => (f.path, f.records, layout: f.records.Count > 0 ? LayoffsFyiLayout.Detect(f.records[0].Fields) : null))
            .OrderBy(f => f.layout is { IsPrimary: true } ? 0 : 1)
            .ToList();
        foreach (var (path, records, layout) in files)
        {
            var file = Path.GetFileName(path);
            if (layout is null)
            {
                skipped.Add(new SkippedRow(file, 1, "header is not a layoffs.fyi layout"));
                continue;
            }
            var seenInFile = new Dictionary<string, List<LayoffRow>>(StringComparer.Ordinal);
            foreach (var record in records.Skip(1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                if (!TryParseRow(record, layout, file, out var row, out var reason))
                {
                    skipped.Add(new SkippedRow(file, record.Line, reason));
                    continue;
                }
                var duplicateOf = AssignIdWithinFile(row, seenInFile);
                if (duplicateOf is not null)
                {
                    duplicates++;
                    skipped.Add(new SkippedRow(file, record.Line,
                        $"duplicate of line {duplicateOf.Line} (same company, date, location and figures)"));
                    if (row.SourceUrl != duplicateOf.SourceUrl)
                        state.AddExtraSource(duplicateOf, new SourceReference
                        { File = file, Line = row.Line, Url = row.SourceUrl, Note = $"duplicate of line {duplicateOf.Line}" });
                    continue;
                }
                if (layout.IsPrimary) state.StorePrimary(row);
                else state.StoreSecondary(row);
            }
        }

        store.Write(state.Deleted, state.Dirty.Values);
        return new ImportReport
        {
            Dataset = LayoffDatasets.LayoffsFyi,
            Files = files.Select(f => Path.GetFileName(f.path)).ToList(),
            Read = read,
            Added = state.Added,
            Updated = state.Updated,
            Unchanged = state.Unchanged,
            Merged = state.Merged,
            Duplicates = duplicates,
            Skipped = skipped,
        };
    }

    /// <summary>Gives the row its id; returns the earlier row of the same file it duplicates, if any.</summary>
    private static LayoffRow? AssignIdWithinFile(LayoffRow row, Dictionary<string, List<LayoffRow>> seenInFile)
    {
        var baseId = Storage.IndexKeys.Bounded($"{LayoffDatasets.LayoffsFyi}|{row.CompanyKey}|{row.Date}|" +
            $"{EmployerNameNormalizer.Key(row.Location ?? "")}");
        if (!seenInFile.TryGetValue(baseId, out var same))
        {
            seenInFile[baseId] = [row];
            row.Id = baseId;
            return null;
        }
        var duplicate = same.FirstOrDefault(r => r.Count == row.Count && r.Percentage == row.Percentage);
        if (duplicate is not null) return duplicate;
        // Same company, date and location but other figures: both are what the tracker reports; keep both.
        same.Add(row);
        row.Id = $"{baseId}#{same.Count}";
        return null;
    }

    private static bool TryParseRow(CsvRecord record, LayoffsFyiLayout layout, string file, out LayoffRow row, out string reason)
    {
        row = new LayoffRow();
        reason = "";
        var f = record.Fields;
        if (f.Count != layout.FieldCount)
        {
            reason = $"expected {layout.FieldCount} fields, found {f.Count}";
            return false;
        }
        var rawCompany = f[layout.Company].Trim();
        if (rawCompany.Length == 0)
        {
            reason = "missing company";
            return false;
        }
        if (!LayoffDateParser.TryParse(f[layout.Date], out var date))
        {
            reason = $"unparseable date '{f[layout.Date]}'";
            return false;
        }
        if (!HeadCountParser.TryParse(f[layout.Count], out var count))
        {
            reason = $"unparseable head count '{f[layout.Count]}'";
            return false;
        }
        if (!TryParseFraction(f[layout.Percentage], out var percentage))
        {
            reason = $"unparseable percentage '{f[layout.Percentage]}'";
            return false;
        }
        var company = EmployerNameNormalizer.Canonical(rawCompany);
        row = new LayoffRow
        {
            Company = company,
            CompanyKey = EmployerNameNormalizer.Key(company),
            RawCompany = rawCompany,
            Date = LayoffDateParser.ToIso(date),
            Count = count,
            Percentage = percentage,
            Location = Blank(f[layout.Location]),
            Industry = Blank(f[layout.Industry]),
            Country = Blank(f[layout.Country]),
            Stage = Blank(f[layout.Stage]),
            SourceUrl = Blank(f[layout.Source]),
            File = file,
            Line = record.Line,
            FromPrimaryFile = layout.IsPrimary,
        };
        return true;
    }

    /// <summary>A fraction of the workforce between 0 and 1 (layoffs.fyi writes 15% as 0.15).</summary>
    private static bool TryParseFraction(string text, out double? fraction)
    {
        fraction = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < 0 || value > 1) return false;
        fraction = value;
        return true;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
