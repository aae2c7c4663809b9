namespace Bot.Knowledge.LayoffData;

/// <summary>
/// The stored layoffs.fyi rows. Dates are ISO strings (yyyy-MM-dd), compared as text; ranges are inclusive.
/// Implemented over LiteDB (<see cref="LiteLayoffRowStore"/>) and PostgreSQL (<see cref="Storage.Postgres.PostgresLayoffDataStore"/>).
/// </summary>
public interface ILayoffRowStore
{
    int Count();

    /// <summary>
    /// Increases with every committed write of rows (in the write's transaction), so what is cached from the rows knows it is
    /// stale: one lookup, where counting the rows read all of them (3.3 ms a question at 5,000 rows on LiteDB).
    /// </summary>
    long Revision { get; }

    IReadOnlyList<LayoffRow> OfCompany(string companyKey);
    IReadOnlyList<LayoffRow> OfDataset(string dataset);
    IReadOnlyList<LayoffRow> Between(string fromIso, string toIso);

    /// <summary>The newest rows dated on or before <paramref name="untilIso"/>: by date, then head count (none last), then id.</summary>
    IReadOnlyList<LayoffRow> Latest(string untilIso, int limit);

    /// <summary>The rows read from <paramref name="file"/> at <paramref name="line"/>.</summary>
    IReadOnlyList<LayoffRow> At(string file, int line);

    /// <summary>The company of every row (one entry per row).</summary>
    IEnumerable<string> Companies();

    /// <summary>Deletes and upserts in one transaction, so a failed import leaves the previous rows intact.</summary>
    void Write(IReadOnlyCollection<string> deleted, IReadOnlyCollection<LayoffRow> upserted);
}

/// <summary>The LiteDB <see cref="ILayoffRowStore"/>: the collection <see cref="LayoffDataCollections.Rows"/>.</summary>
public sealed class LiteLayoffRowStore(ILiteDatabase database) : ILayoffRowStore
{
    private readonly ILiteDatabase database = LayoffDataCollections.Indexed(database);

    private ILiteCollection<LayoffRow> Rows => LayoffDataCollections.RowsOf(database);

    public int Count() => Rows.Count();

    private const string RevisionKey = "layoff_rows_revision";
    private ILiteCollection<BsonDocument> Meta => database.GetCollection(Storage.KnowledgeDatabase.MetaCollection);
    public long Revision => Meta.FindById(RevisionKey)?["value"].AsInt64 ?? 0;
    public IReadOnlyList<LayoffRow> OfCompany(string companyKey) => Rows.Find(x => x.CompanyKey == companyKey).ToList();
    public IReadOnlyList<LayoffRow> OfDataset(string dataset) => Rows.Find(x => x.Dataset == dataset).ToList();
    public IReadOnlyList<LayoffRow> Between(string fromIso, string toIso) =>
        Rows.Find(Query.Between(nameof(LayoffRow.Date), fromIso, toIso)).ToList();

    public IReadOnlyList<LayoffRow> Latest(string untilIso, int limit) =>
        Rows.Find(Query.LTE(nameof(LayoffRow.Date), untilIso))
            .OrderByDescending(r => r.Date, StringComparer.Ordinal).ThenByDescending(r => r.Count ?? -1)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(limit).ToList();

    public IReadOnlyList<LayoffRow> At(string file, int line) => Rows.Find(x => x.Line == line && x.File == file).ToList();
    public IEnumerable<string> Companies() => Rows.Query().Select(r => r.Company).ToEnumerable();

    public void Write(IReadOnlyCollection<string> deleted, IReadOnlyCollection<LayoffRow> upserted)
    {
        if (deleted.Count == 0 && upserted.Count == 0) return;
        var rows = Rows;
        Storage.LiteTransaction.Run(database, () =>
        {
            foreach (var id in deleted) rows.Delete(id);
            rows.Upsert(upserted);
            Meta.Upsert(new BsonDocument { ["_id"] = RevisionKey, ["value"] = Revision + 1 });
        });
    }
}
