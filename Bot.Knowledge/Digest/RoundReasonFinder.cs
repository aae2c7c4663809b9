using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Digest;

/// <summary>
/// The one-line reason for a layoff round: the sentence that best states why (reason cues, plus a layoff cue), quoted
/// whole and verbatim from an article about the company (its main company) that belongs to the round. An article belongs when its
/// published date falls within the <see cref="RoundWindow"/>, or, when its date is unknown or vague, when the sentence
/// itself states a day or month in the window; a sentence stating a date of another time is passed over. No reason is
/// better than a wrong one.
/// </summary>
public static class RoundReasonFinder
{
    private const int MinQuoteLength = 40;
    private const int MaxQuoteLength = 280;

    public static DigestReason? Find(string companyKey, RoundWindow window, IEnumerable<DocumentRecord> documents)
    {
        DigestReason? best = null;
        var bestScore = 0.0;
        foreach (var document in documents)
        {
            // Only an article about the company (its main company) explains the company's round: a sentence of an Amazon
            // article that names "Google Cloud" says nothing about why Google cut jobs.
            var companies = document.Companies;
            if (companies.Count == 0 || EmployerNameNormalizer.CompanyKey(companies[0]) != companyKey) continue;
            var own = NameVariants(companies[0]).ToList();
            var others = companies.Skip(1).Where(c => EmployerNameNormalizer.CompanyKey(c) != companyKey).SelectMany(NameVariants).ToList();
            var inWindow = window.Contains(document.Published, ParsePrecision(document.PublishedPrecision));
            foreach (var span in SentenceSegmenter.Split(document.Text))
            {
                var sentence = span.Of(document.Text).Trim();
                if (sentence.Length is < MinQuoteLength or > MaxQuoteLength || sentence.Contains('\n')) continue;
                var dates = DateExpressions.Find(sentence).Where(d => d.Year is not null).ToList();
                if (dates.Any(window.Excludes)) continue;
                if (!inWindow && !dates.Any(window.Places)) continue;
                var namesOwn = own.Any(n => CompanyMentionEvidence.Mentions(sentence, n));
                // A sentence that names another company and not this one is about the other.
                if (!namesOwn && others.Any(n => CompanyMentionEvidence.Mentions(sentence, n))) continue;
                var facts = FactExtractor.Extract(sentence);
                if (facts.ReasonScore <= 0) continue;
                var score = facts.ReasonScore + (facts.HasLayoffCue ? 1 : 0) + (namesOwn ? 1.5 : 0) + (inWindow ? 1 : 0);
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

    private static DatePrecision? ParsePrecision(string? precision) =>
        Enum.TryParse<DatePrecision>(precision, ignoreCase: true, out var parsed) ? parsed : null;
}
