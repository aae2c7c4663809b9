using Bot.Knowledge.Charts;

namespace Bot.Tests.Digest.Support;

/// <summary>
/// News as digests and watches find it: an article stored through the real ingestion pipeline, and a digest builder over
/// the real stores of one knowledge base.
/// </summary>
internal static class NewsArticle
{
    /// <summary>Stores <paramref name="text"/> as an Example News article about <paramref name="company"/> at
    /// https://news.example/{slug}.</summary>
    public static void Store(KnowledgeServices services, string slug, string company, string published, string text,
        string? title = null)
    {
        var url = $"https://news.example/{slug}";
        services.Get<IngestionPipeline>().Store(slug, new ParsedDocument
        {
            Title = title ?? $"{company} story {slug}", Text = text, SourceKind = "url", SourceKey = url, Url = url,
            Publisher = "Example News", PublishedRaw = published, CompanyHint = company,
        });
    }

    public static DigestBuilder DigestBuilder(KnowledgeDatabase database, TimeProvider time) =>
        new(new DocumentStore(database, time), new LiteLayoffRowStore(database.Database), new LayoffDataQueries(database.Database),
            new LayoffChartRenderer());
}
