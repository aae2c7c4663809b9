namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Figures extracted from article sentences, kept so that <see cref="LayoffDataQueries"/> can show them next to
/// the dataset rows of the same layoff. Ingestion calls <see cref="ReplaceDocument"/> once per document, inside the
/// document's transaction.
/// </summary>
public interface IArticleFigureStore
{
    /// <summary>Replaces every figure of one document (re-ingesting a changed document drops its old figures).</summary>
    void ReplaceDocument(string documentId, IEnumerable<ArticleFigure> figures);

    IReadOnlyList<ArticleFigure> ForCompany(string company);
    IReadOnlyList<ArticleFigure> All();

    /// <summary>The company of every figure (one entry per figure).</summary>
    IEnumerable<string> Companies();
}

/// <summary>The LiteDB <see cref="IArticleFigureStore"/>: the collection <see cref="LayoffDataCollections.ArticleFigures"/>.</summary>
internal sealed class ArticleFigureStore(ILiteDatabase database) : IArticleFigureStore
{
    private readonly ILiteDatabase database = LayoffDataCollections.Indexed(database);

    private ILiteCollection<ArticleFigureRecord> Figures => LayoffDataCollections.FiguresOf(database);

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

    public IEnumerable<string> Companies() => Figures.FindAll().Select(f => f.Company);
}
