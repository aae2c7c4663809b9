using LiteDB;

namespace Bot.Knowledge.Events;

/// <summary>
/// Figures extracted from article sentences, kept so that <see cref="LayoffEventQueries"/> can show them next to
/// the dataset rows of the same layoff. Ingestion calls <see cref="ReplaceDocument"/> once per document.
/// </summary>
internal sealed class ArticleFigureStore
{
    private readonly ILiteDatabase database;

    public ArticleFigureStore(ILiteDatabase database)
    {
        this.database = database;
        EventCollections.EnsureIndexes(database);
    }

    private ILiteCollection<ArticleFigureRecord> Figures => EventCollections.FiguresOf(database);

    /// <summary>Replaces every figure of one document (re-ingesting a changed document drops its old figures).</summary>
    public void ReplaceDocument(string documentId, IEnumerable<ArticleFigure> figures)
    {
        var collection = Figures;
        collection.DeleteMany(x => x.DocumentId == documentId);
        var records = figures.Select(ArticleFigureRecord.From).ToList();
        if (records.Count > 0) collection.Upsert(records);
    }

    public IReadOnlyList<ArticleFigure> ForCompany(string company)
    {
        var key = EmployerNameNormalizer.CompanyKey(company);
        return Figures.Find(x => x.CompanyKey == key).Select(r => r.ToFigure()).ToList();
    }

    public IReadOnlyList<ArticleFigure> All() => Figures.FindAll().Select(r => r.ToFigure()).ToList();
}
