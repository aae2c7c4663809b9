namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Imports WARN Notice Register state exports (both schemas, see <see cref="WarnLayout"/>) into
/// <see cref="LayoffDataCollections.WarnNotices"/>. The same notice listed more than once (re-scrapes, re-listings:
/// same state, employer, employees affected and effective date) is stored once, the other lines kept as
/// <see cref="WarnNotice.Duplicates"/>. New notices go in with InsertBulk, so the 46,000-row set takes seconds.
/// </summary>
internal sealed class WarnNoticeImporter(IWarnNoticeStore store, ILogger<WarnNoticeImporter>? logger = null)
    : DatasetImporter(logger)
{
    /// <summary>Into the LiteDB collection of <paramref name="database"/>.</summary>
    public WarnNoticeImporter(ILiteDatabase database, ILogger<WarnNoticeImporter>? logger = null)
        : this(new LiteWarnNoticeStore(database), logger)
    {
    }

    protected override ImportReport ImportFiles(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var skipped = new List<SkippedRow>();
        var read = 0;
        var groups = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var file = Path.GetFileName(path);
            WarnLayout? layout = null;
            foreach (var record in CsvRecordReader.ReadFile(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (layout is null)
                {
                    layout = WarnLayout.Detect(record.Fields);
                    if (layout is null)
                    {
                        skipped.Add(new SkippedRow(file, record.Line, "header is not a WARN register layout"));
                        break;
                    }
                    continue;
                }
                read++;
                if (!TryParse(record, layout, file, out var candidate, out var reason))
                {
                    skipped.Add(new SkippedRow(file, record.Line, reason));
                    continue;
                }
                if (!groups.TryGetValue(candidate.Notice.Id, out var same)) groups[candidate.Notice.Id] = same = [];
                same.Add(candidate);
            }
        }

        var keepers = new List<WarnNotice>(groups.Count);
        var duplicates = 0;
        foreach (var group in groups.Values)
        {
            var ordered = group.OrderBy(c => c.StillListed ? 0 : 1).ThenBy(c => c.Notice.NoticeDate ?? "9999")
                .ThenBy(c => c.Notice.File, StringComparer.Ordinal).ThenBy(c => c.Notice.Line).ToList();
            var keeper = ordered[0].Notice;
            foreach (var other in ordered.Skip(1).OrderBy(c => c.Notice.File, StringComparer.Ordinal).ThenBy(c => c.Notice.Line))
            {
                duplicates++;
                var n = other.Notice;
                keeper.Duplicates.Add(new SourceReference
                {
                    File = n.File, Line = n.Line, Url = n.SourceUrl,
                    Note = $"same notice listed again (notice date " +
                        $"{n.NoticeDate ?? "none"}{(other.StillListed ? "" : ", no longer listed")})",
                });
                skipped.Add(new SkippedRow(n.File, n.Line,
                    $"duplicate of {keeper.File} line {keeper.Line} (same employer, employees affected and effective date)"));
            }
            keepers.Add(keeper);
        }

        var (added, updated, unchanged) = Write(keepers);
        return new ImportReport
        {
            Dataset = LayoffDatasets.Warn,
            Files = paths.Select(Path.GetFileName).OfType<string>().ToList(),
            Read = read,
            Added = added,
            Updated = updated,
            Unchanged = unchanged,
            Duplicates = duplicates,
            Skipped = skipped,
        };
    }

    private (int Added, int Updated, int Unchanged) Write(List<WarnNotice> keepers)
    {
        var stored = store.Find(keepers.Select(k => k.Id).ToHashSet(StringComparer.Ordinal));
        var toInsert = new List<WarnNotice>();
        var toUpdate = new List<WarnNotice>();
        var unchanged = 0;
        foreach (var notice in keepers)
        {
            if (!stored.TryGetValue(notice.Id, out var existing)) toInsert.Add(notice);
            else if (existing.SameContent(notice)) unchanged++;
            else toUpdate.Add(notice);
        }
        store.Write(toInsert, toUpdate);
        return (toInsert.Count, toUpdate.Count, unchanged);
    }

    private sealed record Candidate(WarnNotice Notice, bool StillListed);

    private static bool TryParse(CsvRecord record, WarnLayout layout, string file, out Candidate candidate, out string reason)
    {
        candidate = null!;
        reason = "";
        var f = record.Fields;
        if (f.Count != layout.FieldCount)
        {
            reason = $"expected {layout.FieldCount} fields, found {f.Count}";
            return false;
        }
        string? At(int index) => index < 0 || string.IsNullOrWhiteSpace(f[index]) ? null : f[index].Trim();
        var employer = At(layout.Employer);
        var state = At(layout.State)?.ToUpperInvariant();
        if (employer is null || state is null)
        {
            reason = employer is null ? "missing employer_name" : "missing state";
            return false;
        }
        if (!TryIsoDate(At(layout.NoticeDate), out var noticeDate))
        {
            reason = $"unparseable notice_date '{At(layout.NoticeDate)}'";
            return false;
        }
        if (!TryIsoDate(At(layout.EffectiveDate), out var effectiveDate))
        {
            reason = $"unparseable effective_date '{At(layout.EffectiveDate)}'";
            return false;
        }
        if (!HeadCountParser.TryParse(At(layout.Employees), out var employees))
        {
            reason = $"unparseable employees_affected '{At(layout.Employees)}'";
            return false;
        }
        var company = EmployerNameNormalizer.Canonical(employer);
        var location = At(layout.Location);
        var layoffType = At(layout.LayoffType);
        var employerKey = EmployerNameNormalizer.Key(employer);
        // The register's own advice: one notice = (employer, employees affected, effective date). When either
        // figure is missing that key would merge unrelated notices, so notice date and location join it.
        var id = Storage.IndexKeys.Bounded(employees is not null && effectiveDate is not null
            ? $"{LayoffDatasets.Warn}|{state}|{employerKey}|{employees}|{effectiveDate}"
            : $"{LayoffDatasets.Warn}|{state}|{employerKey}|{employees}|{effectiveDate}|{noticeDate}|" +
                $"{EmployerNameNormalizer.Key(location ?? "")}");
        var notice = new WarnNotice
        {
            Id = id,
            State = state,
            Employer = employer,
            Company = company,
            CompanyKey = EmployerNameNormalizer.Key(company),
            RegisterCanonicalName = At(layout.CanonicalName),
            Location = location,
            NoticeDate = noticeDate,
            EffectiveDate = effectiveDate,
            EmployeesAffected = employees,
            LayoffType = layoffType,
            IsClosure = string.Equals(layoffType, "closure", StringComparison.OrdinalIgnoreCase),
            IsTemporary = Flag(At(layout.IsTemporary)),
            IsAmendment = Flag(At(layout.IsAmendment)),
            SourceUrl = At(layout.SourceUrl),
            File = file,
            Line = record.Line,
        };
        candidate = new Candidate(notice, StillListed: At(layout.LastSeen) is null);
        return true;
    }

    private static bool? Flag(string? text) => text switch
    {
        "1" or "true" or "True" => true,
        "0" or "false" or "False" => false,
        _ => null,
    };

    private static bool TryIsoDate(string? text, out string? iso)
    {
        iso = null;
        if (text is null) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        iso = LayoffDateParser.ToIso(date);
        return true;
    }
}
