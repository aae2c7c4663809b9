using Bot.Knowledge.Answering;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Extracts the layoff figures an article states (head counts and percentages, with the sentence
/// offsets) so a company's timeline shows them next to the dataset rows of the same round.
/// </summary>
internal sealed class ArticleFigureIndexer(IArticleFigureStore store) : IDocumentIndexer
{
    public void Index(DocumentRecord document, IReadOnlyList<TextSpan> sentences)
    {
        var company = document.Companies.FirstOrDefault();
        if (company is null || document.Published is not { } published)
        {
            store.ReplaceDocument(document.Id, []);
            return;
        }
        var figures = new List<ArticleFigure>();
        foreach (var span in sentences)
        {
            var sentence = span.Of(document.Text);
            if (FactExtractor.IsSpeculative(sentence)) continue;
            var facts = FactExtractor.Extract(sentence);
            // A sentence about another year than the report's is about another round ("its last cut, in 2023").
            if (facts.Dates.Any(d => d.Year is { } y && Math.Abs(y - published.Year) > 0)) continue;
            var head = facts.HeadCounts.FirstOrDefault(h => h.IsLayoff && !h.IsTotalWorkforce && h.Value >= 10 && h.Value <= int.MaxValue);
            var percent = facts.HasLayoffCue ? facts.Percents.FirstOrDefault(p => p.Value is > 0 and < 100) : null;
            if (head is null && percent is null) continue;
            var claimant = facts.Claimant == Claimant.Report && facts.ReportedBy is { } outlet
                ? $"{outlet}, via {document.Publisher ?? document.Title}"
                : document.Publisher ?? document.Title;
            figures.Add(new ArticleFigure(company, DateOnly.FromDateTime(published), (int?)head?.Value, percent?.Value / 100.0,
                sentence, document.Id, span.Start, span.End, claimant) { Url = document.Url });
        }
        store.ReplaceDocument(document.Id, figures);
    }
}
