namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// The structured layoff data in PostgreSQL: layoffs.fyi rows, WARN notices and the figures articles state. Each record is
/// kept whole as jsonb beside the columns the queries filter and sort on. Figures are written in the transaction of the
/// document they come from (<see cref="PostgresSession"/>).
/// </summary>
public sealed class PostgresLayoffDataStore(PostgresDatabase database)
    : PostgresStore(database, Module), ILayoffRowStore, IWarnNoticeStore, IArticleFigureStore
{
    public const string Module = "layoff_data";

    int ILayoffRowStore.Count() => Count("layoff_rows");
    long ILayoffRowStore.Revision => Run(c => c.Scalar<long>("SELECT revision FROM layoff_rows_revision WHERE id = 1"));
    public IReadOnlyList<LayoffRow> OfCompany(string companyKey) => Rows("WHERE company_key = @key ORDER BY id", ("key", companyKey));
    public IReadOnlyList<LayoffRow> OfDataset(string dataset) => Rows("WHERE dataset = @dataset ORDER BY id", ("dataset", dataset));
    public IReadOnlyList<LayoffRow> Between(string fromIso, string toIso) =>
        Rows("WHERE date >= @from AND date <= @to ORDER BY date, id", ("from", fromIso), ("to", toIso));
    public IReadOnlyList<LayoffRow> Latest(string untilIso, int limit) =>
        Rows("WHERE date <= @until ORDER BY date DESC, coalesce(count, -1) DESC, id LIMIT @limit", ("until", untilIso), ("limit", limit));
    IReadOnlyList<LayoffRow> ILayoffRowStore.At(string file, int line) =>
        Rows("WHERE line = @line AND file = @file", ("line", line), ("file", file));
    IEnumerable<string> ILayoffRowStore.Companies() => Run(c => c.Query("SELECT company FROM layoff_rows", r => r.GetString(0)));

    public void Write(IReadOnlyCollection<string> deleted, IReadOnlyCollection<LayoffRow> upserted)
    {
        if (deleted.Count == 0 && upserted.Count == 0) return;
        InTransaction(connection =>
        {
            if (deleted.Count > 0) connection.Execute("DELETE FROM layoff_rows WHERE id = ANY(@ids)", ("ids", deleted.ToArray()));
            connection.ExecuteMany(
                "INSERT INTO layoff_rows (id, dataset, company_key, company, date, count, file, line, record) " +
                "VALUES (@id, @dataset, @key, @company, @date, @count, @file, @line, @record::jsonb) ON CONFLICT (id) DO UPDATE SET " +
                "dataset = excluded.dataset, company_key = excluded.company_key, company = excluded.company, date = excluded.date, " +
                "count = excluded.count, file = excluded.file, line = excluded.line, record = excluded.record",
                upserted, row => [("id", row.Id), ("dataset", row.Dataset), ("key", row.CompanyKey), ("company", row.Company),
                    ("date", row.Date), ("count", row.Count), ("file", row.File), ("line", row.Line),
                    ("record", PostgresSession.ToJson(row))]);
            connection.Execute("UPDATE layoff_rows_revision SET revision = revision + 1 WHERE id = 1");
        });
    }

    int IWarnNoticeStore.Count() => Count("warn_notices");
    IReadOnlyList<WarnNotice> IWarnNoticeStore.OfCompany(string companyKey) =>
        Notices("WHERE company_key = @key ORDER BY id", ("key", companyKey));
    IReadOnlyList<WarnNotice> IWarnNoticeStore.At(string file, int line) =>
        Notices("WHERE line = @line AND file = @file", ("line", line), ("file", file));

    public IReadOnlyDictionary<string, WarnNotice> Find(IReadOnlyCollection<string> ids) =>
        Notices("WHERE id = ANY(@ids)", ("ids", ids.ToArray())).ToDictionary(n => n.Id, StringComparer.Ordinal);

    public void Write(IReadOnlyCollection<WarnNotice> inserted, IReadOnlyCollection<WarnNotice> updated)
    {
        if (inserted.Count == 0 && updated.Count == 0) return;
        InTransaction(connection =>
        {
            connection.ExecuteMany(
                "INSERT INTO warn_notices (id, company_key, file, line, record) VALUES (@id, @key, @file, @line, @record::jsonb) " +
                "ON CONFLICT (id) DO UPDATE SET company_key = excluded.company_key, file = excluded.file, line = excluded.line, " +
                "record = excluded.record",
                inserted.Concat(updated), notice => [("id", notice.Id), ("key", notice.CompanyKey), ("file", notice.File),
                    ("line", notice.Line), ("record", PostgresSession.ToJson(notice))]);
        });
    }

    public void ReplaceDocument(string documentId, IEnumerable<ArticleFigure> figures) =>
        InTransaction(connection =>
        {
            connection.Execute("DELETE FROM article_figures WHERE document_id = @id", ("id", documentId));
            connection.ExecuteMany(
                "INSERT INTO article_figures (id, document_id, company_key, company, record) " +
                "VALUES (@id, @document, @key, @company, @record::jsonb) " +
                "ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, company_key = excluded.company_key, " +
                "company = excluded.company, record = excluded.record",
                figures.Select(ArticleFigureRecord.From), record => [("id", record.Id), ("document", record.DocumentId),
                    ("key", record.CompanyKey), ("company", record.Company), ("record", PostgresSession.ToJson(record))]);
        });

    public IReadOnlyList<ArticleFigure> ForCompany(string company) =>
        Figures("WHERE company_key = @key ORDER BY id", ("key", EmployerNameNormalizer.CompanyKey(company)));

    public IReadOnlyList<ArticleFigure> All() => Figures("ORDER BY id");

    IEnumerable<string> IArticleFigureStore.Companies() => Run(c => c.Query("SELECT company FROM article_figures", r => r.GetString(0)));

    private int Count(string table) => (int)Run(c => c.Scalar<long>($"SELECT count(*) FROM {table}"));

    private List<LayoffRow> Rows(string where, params (string, object?)[] parameters) =>
        Run(c => c.Query($"SELECT record FROM layoff_rows {where}", r => PostgresSession.FromJson<LayoffRow>(r, 0), parameters));

    private List<WarnNotice> Notices(string where, params (string, object?)[] parameters) =>
        Run(c => c.Query($"SELECT record FROM warn_notices {where}", r => PostgresSession.FromJson<WarnNotice>(r, 0), parameters));

    private List<ArticleFigure> Figures(string where, params (string, object?)[] parameters) =>
        Run(c => c.Query($"SELECT record FROM article_figures {where}",
            r => PostgresSession.FromJson<ArticleFigureRecord>(r, 0).ToFigure(), parameters));
}
