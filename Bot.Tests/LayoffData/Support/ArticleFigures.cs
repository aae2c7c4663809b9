namespace Bot.Tests.LayoffData.Support;

/// <summary>Builds <see cref="ArticleFigure"/>s from the real article files, with offsets of the verbatim quote.</summary>
internal static class ArticleFigures
{
    public static ArticleFigure From(string articleFile, string quote, string company, DateOnly date, int? count, string claimant)
    {
        var text = File.ReadAllText(EventsTestData.Article(articleFile));
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"'{quote}' not in {articleFile}");
        return new ArticleFigure(company, date, count, null, quote, articleFile, start, start + quote.Length, claimant);
    }
}
