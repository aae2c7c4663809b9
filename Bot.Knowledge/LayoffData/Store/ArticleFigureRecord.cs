namespace Bot.Knowledge.LayoffData;

/// <summary>Storage shape of an <see cref="ArticleFigure"/> in <see cref="LayoffDataCollections.ArticleFigures"/>.</summary>
public sealed class ArticleFigureRecord
{
    /// <summary>DocumentId:Start:End, so re-ingesting a document replaces its figures.</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Company { get; set; } = "";
    public string CompanyKey { get; set; } = "";
    public string Date { get; set; } = "";
    public int? Count { get; set; }
    public double? Percentage { get; set; }
    public string Quote { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
    public string Claimant { get; set; } = "";
    public string? Url { get; set; }

    public static ArticleFigureRecord From(ArticleFigure figure)
    {
        var company = EmployerNameNormalizer.Canonical(figure.Company);
        return new ArticleFigureRecord
        {
            Id = $"{figure.DocumentId}:{figure.Start}:{figure.End}",
            Company = company,
            CompanyKey = EmployerNameNormalizer.Key(company),
            Date = LayoffDateParser.ToIso(figure.Date),
            Count = figure.Count,
            Percentage = figure.Percentage,
            Quote = figure.Quote,
            DocumentId = figure.DocumentId,
            Start = figure.Start,
            End = figure.End,
            Claimant = figure.Claimant,
            Url = figure.Url,
        };
    }

    public ArticleFigure ToFigure() =>
        new(Company, DateOnly.ParseExact(Date, "yyyy-MM-dd"), Count, Percentage, Quote, DocumentId, Start, End, Claimant) { Url = Url };
}
