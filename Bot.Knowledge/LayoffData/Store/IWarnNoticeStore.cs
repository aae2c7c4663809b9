namespace Bot.Knowledge.LayoffData;

/// <summary>The stored WARN notices. Implemented over LiteDB (<see cref="LiteWarnNoticeStore"/>) and PostgreSQL.</summary>
public interface IWarnNoticeStore
{
    int Count();
    IReadOnlyList<WarnNotice> OfCompany(string companyKey);

    /// <summary>The notices read from <paramref name="file"/> at <paramref name="line"/>.</summary>
    IReadOnlyList<WarnNotice> At(string file, int line);

    /// <summary>The stored notices among <paramref name="ids"/>, by id.</summary>
    IReadOnlyDictionary<string, WarnNotice> Find(IReadOnlyCollection<string> ids);

    void Write(IReadOnlyCollection<WarnNotice> inserted, IReadOnlyCollection<WarnNotice> updated);
}

/// <summary>The LiteDB <see cref="IWarnNoticeStore"/>: the collection <see cref="LayoffDataCollections.WarnNotices"/>.</summary>
public sealed class LiteWarnNoticeStore(ILiteDatabase database) : IWarnNoticeStore
{
    private const int BatchSize = 5000;
    private readonly ILiteDatabase database = LayoffDataCollections.Indexed(database);

    private ILiteCollection<WarnNotice> Notices => LayoffDataCollections.WarnOf(database);

    public int Count() => Notices.Count();
    public IReadOnlyList<WarnNotice> OfCompany(string companyKey) => Notices.Find(x => x.CompanyKey == companyKey).ToList();
    public IReadOnlyList<WarnNotice> At(string file, int line) => Notices.Find(x => x.Line == line && x.File == file).ToList();

    public IReadOnlyDictionary<string, WarnNotice> Find(IReadOnlyCollection<string> ids)
    {
        var collection = Notices;
        if (collection.Count() == 0) return new Dictionary<string, WarnNotice>(StringComparer.Ordinal);
        var wanted = ids as IReadOnlySet<string> ?? ids.ToHashSet(StringComparer.Ordinal);
        return collection.FindAll().Where(n => wanted.Contains(n.Id)).ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    public void Write(IReadOnlyCollection<WarnNotice> inserted, IReadOnlyCollection<WarnNotice> updated)
    {
        var collection = Notices;
        if (inserted.Count > 0) collection.InsertBulk(inserted, BatchSize);
        foreach (var batch in updated.Chunk(BatchSize)) collection.Update(batch);
    }
}
