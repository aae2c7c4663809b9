using System.Globalization;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Charts;
using Bot.Knowledge.Events;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;
using LiteDB;

namespace Bot.Knowledge.Digest;

/// <summary>
/// Builds the content of a digest for a period from the stored data: the layoffs.fyi rows dated in it (each with
/// a one-line reason quoted from an article about the company when one exists), the articles ingested in it
/// grouped by company, the period's totals and a chart of the 30 days before its end.
/// </summary>
internal sealed class DigestBuilder(KnowledgeDatabase database, LayoffEventQueries queries, LayoffChartRenderer charts)
{
    public const int ChartDays = 30;
    public const int ChartCompanies = 10;
    private const int MinQuoteLength = 40;
    private const int MaxQuoteLength = 280;
    private const string OtherCompany = "Other";

    public DigestContent Build(DigestPeriod period, bool withChart = true)
    {
        var documents = DocumentsOf(period);
        var events = EventsOf(period, documents);
        var totals = period.EndDay > period.FirstDay
            ? queries.TotalsByCompany(period.FirstDay, period.EndDay.AddDays(-1))
            : [];
        var articles = documents
            .Where(d => d.IngestedAt >= period.From.UtcDateTime && d.IngestedAt < period.To.UtcDateTime)
            .GroupBy(d => d.Companies.FirstOrDefault() ?? OtherCompany, StringComparer.OrdinalIgnoreCase)
            .Select(g => new DigestCompanyArticles(g.Key, g
                .OrderByDescending(d => d.Published ?? d.IngestedAt)
                .Select(d => new DigestArticle(d.Id, d.Title, d.Url, d.Publisher, d.Published))
                .ToList()))
            // Companies with the most new articles first; "Other" last.
            .OrderBy(g => g.Company == OtherCompany).ThenByDescending(g => g.Articles.Count).ThenBy(g => g.Company, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var (chart, label) = withChart ? Chart(period) : (null, null);
        return new DigestContent
        {
            Period = period, Events = events, Articles = articles, Totals = totals,
            TotalLaidOff = events.Sum(e => e.Count ?? 0), Chart = chart, ChartLabel = label,
        };
    }

    private (byte[]? Png, string? Label) Chart(DigestPeriod period)
    {
        var last = period.EndDay.AddDays(-1);
        var first = period.EndDay.AddDays(-ChartDays);
        var top = queries.TopCompanies(first, last, ChartCompanies);
        if (top.Count == 0) return (null, null);
        var label = $"{first.ToString("MMM d", CultureInfo.InvariantCulture)} – {last.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";
        return (charts.TopCompanies(label, top), label);
    }

    /// <summary>Documents ingested or published in the period (published dates are days, so compared by day).</summary>
    private List<DocumentRecord> DocumentsOf(DigestPeriod period)
    {
        var ingested = Query.And(Query.GTE(nameof(DocumentRecord.IngestedAt), period.From.UtcDateTime), Query.LT(nameof(DocumentRecord.IngestedAt), period.To.UtcDateTime));
        var firstDay = period.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var endDay = period.EndDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var published = Query.And(Query.GTE(nameof(DocumentRecord.Published), firstDay), Query.LT(nameof(DocumentRecord.Published), endDay));
        return database.Documents.Find(Query.Or(ingested, published)).ToList();
    }

    private List<DigestEvent> EventsOf(DigestPeriod period, List<DocumentRecord> documents)
    {
        if (period.EndDay <= period.FirstDay) return [];
        var rows = EventCollections.RowsOf(database.Database)
            .Find(Query.Between(nameof(LayoffRow.Date), LayoffDateParser.ToIso(period.FirstDay), LayoffDateParser.ToIso(period.EndDay.AddDays(-1))))
            .OrderByDescending(r => r.Count ?? -1).ThenBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.Company, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var reasons = new Dictionary<string, DigestReason?>();
        var events = new List<DigestEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (!reasons.TryGetValue(row.CompanyKey, out var reason))
                reasons[row.CompanyKey] = reason = ReasonFor(row.CompanyKey, documents, period);
            events.Add(new DigestEvent(row.Company, row.Count, row.Percentage, row.DateValue, DataRowRenderer.Cite(row), reason));
        }
        return events;
    }

    /// <summary>
    /// The sentence of the company's articles that best states why (reason cues, plus a layoff cue), quoted whole
    /// and verbatim: a sentence too long for one line, or spanning lines, is passed over rather than cut. A sentence
    /// that names another company and not this one (or, in an article mainly about another company, does not name
    /// this one) is about someone else and is passed over too; one that names
    /// the company, or comes from an article published in the period, is preferred.
    /// </summary>
    internal static DigestReason? ReasonFor(string companyKey, IEnumerable<DocumentRecord> documents, DigestPeriod? period = null)
    {
        DigestReason? best = null;
        var bestScore = 0.0;
        foreach (var document in documents.Where(d => d.Companies.Any(c => EmployerNameNormalizer.CompanyKey(c) == companyKey)))
        {
            var own = document.Companies.Where(c => EmployerNameNormalizer.CompanyKey(c) == companyKey).SelectMany(NameVariants).ToList();
            var others = document.Companies.Where(c => EmployerNameNormalizer.CompanyKey(c) != companyKey).SelectMany(NameVariants).ToList();
            var aboutCompany = EmployerNameNormalizer.CompanyKey(document.Companies[0]) == companyKey;
            // An article mainly about the company, or published in the period, weighs more.
            var documentBonus = (aboutCompany ? 0.5 : 0)
                + (period is not null && document.Published is { } published && DateOnly.FromDateTime(published) >= period.FirstDay && DateOnly.FromDateTime(published) < period.EndDay ? 1 : 0);
            foreach (var span in SentenceSegmenter.Split(document.Text))
            {
                var sentence = span.Of(document.Text).Trim();
                if (sentence.Length is < MinQuoteLength or > MaxQuoteLength || sentence.Contains('\n')) continue;
                var namesOwn = own.Any(n => Mentions(sentence, n));
                // In an article mainly about another company, an unnamed "the company" is that other company.
                if (!namesOwn && (!aboutCompany || others.Any(n => Mentions(sentence, n)))) continue;
                var facts = FactExtractor.Extract(sentence);
                if (facts.ReasonScore <= 0) continue;
                var score = facts.ReasonScore + (facts.HasLayoffCue ? 1 : 0) + (namesOwn ? 1.5 : 0) + documentBonus;
                if (score <= bestScore) continue;
                bestScore = score;
                best = new DigestReason(sentence, document.Id, document.Title, document.Url, document.Publisher, document.Published);
            }
        }
        return best;
    }

    /// <summary>"Google / Alphabet" is written as either name.</summary>
    private static IEnumerable<string> NameVariants(string company) =>
        company.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Mentions(string sentence, string name)
    {
        var at = sentence.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(sentence[at - 1]);
            var end = at + name.Length;
            if (before && (end == sentence.Length || !char.IsLetterOrDigit(sentence[end]))) return true;
            at = sentence.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }
}
