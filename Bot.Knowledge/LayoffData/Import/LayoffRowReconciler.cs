namespace Bot.Knowledge.LayoffData;

/// <summary>
/// One import run's view of the layoffs.fyi rows: those stored plus those read so far, and what the run changed.
/// Decides whether a parsed row is new, unchanged, an update, or the other file's copy of a stored row.
/// </summary>
internal sealed class LayoffRowReconciler
{
    private readonly Dictionary<string, LayoffRow> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<LayoffRow>> byCompanyDate = [];
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);

    public LayoffRowReconciler(IEnumerable<LayoffRow> stored)
    {
        foreach (var row in stored) Index(row);
    }

    public Dictionary<string, LayoffRow> Dirty { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Merged { get; private set; }

    public void StorePrimary(LayoffRow row)
    {
        if (byId.TryGetValue(row.Id, out var existing))
        {
            row.ExtraSources = existing.FromPrimaryFile ? existing.ExtraSources : [];
            if (!existing.FromPrimaryFile) Absorb(row, existing);
            if (existing.FromPrimaryFile && existing.SameContent(row)) { Unchanged++; touched.Add(row.Id); return; }
            Replace(existing, row);
            Updated++;
            return;
        }
        // A row of the secondary file stored earlier under another location: fold it into this one.
        foreach (var other in SameCompanyDate(row).Where(r => !r.FromPrimaryFile && !touched.Contains(r.Id)).ToList())
        {
            Absorb(row, other);
            Remove(other);
        }
        Put(row);
        Added++;
    }

    public void StoreSecondary(LayoffRow row)
    {
        var partner = byId.TryGetValue(row.Id, out var sameId) && sameId.FromPrimaryFile
            ? sameId
            : SameCompanyDate(row).Where(r => r.FromPrimaryFile)
                .OrderBy(r => r.Count == row.Count ? 0 : 1).ThenBy(r => r.Line).FirstOrDefault();
        if (partner is not null)
        {
            var reference = new SourceReference
            {
                File = row.File, Line = row.Line, Url = row.SourceUrl,
                Note = $"same company and date in {row.File}",
            };
            if (AddExtraSource(partner, reference)) Merged++;
            else Unchanged++;
            return;
        }
        if (sameId is not null)
        {
            row.ExtraSources = sameId.ExtraSources;
            if (sameId.SameContent(row)) { Unchanged++; return; }
            Replace(sameId, row);
            Updated++;
            return;
        }
        Put(row);
        Added++;
    }

    /// <summary>Adds a reference once; true when it was new.</summary>
    public bool AddExtraSource(LayoffRow row, SourceReference reference)
    {
        if (row.ExtraSources.Any(r => r.SamePlace(reference))) return false;
        row.ExtraSources.Add(reference);
        Dirty[row.Id] = row;
        return true;
    }

    private static void Absorb(LayoffRow primary, LayoffRow secondary)
    {
        var reference = new SourceReference
        {
            File = secondary.File, Line = secondary.Line, Url = secondary.SourceUrl,
            Note = $"same company and date in {secondary.File}",
        };
        if (!primary.ExtraSources.Any(r => r.SamePlace(reference))) primary.ExtraSources.Add(reference);
        foreach (var extra in secondary.ExtraSources.Where(e => !primary.ExtraSources.Any(p => p.SamePlace(e))))
            primary.ExtraSources.Add(extra);
    }

    private IEnumerable<LayoffRow> SameCompanyDate(LayoffRow row) =>
        byCompanyDate.TryGetValue((row.CompanyKey, row.Date), out var rows) ? rows : [];

    private void Replace(LayoffRow existing, LayoffRow row)
    {
        Unindex(existing);
        Put(row);
    }

    private void Put(LayoffRow row)
    {
        Index(row);
        touched.Add(row.Id);
        Dirty[row.Id] = row;
        Deleted.Remove(row.Id);
    }

    private void Remove(LayoffRow row)
    {
        Unindex(row);
        Dirty.Remove(row.Id);
        Deleted.Add(row.Id);
    }

    private void Index(LayoffRow row)
    {
        byId[row.Id] = row;
        if (!byCompanyDate.TryGetValue((row.CompanyKey, row.Date), out var list))
            byCompanyDate[(row.CompanyKey, row.Date)] = list = [];
        list.Add(row);
    }

    private void Unindex(LayoffRow row)
    {
        byId.Remove(row.Id);
        if (byCompanyDate.TryGetValue((row.CompanyKey, row.Date), out var list)) list.RemoveAll(r => r.Id == row.Id);
    }
}
