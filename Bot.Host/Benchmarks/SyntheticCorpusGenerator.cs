using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Bot.Knowledge.Companies;
using Bot.Knowledge.Text;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Scales the shared articles into a synthetic corpus of realistic distractors. A fixed pool of
/// variants (about another company, years shifted, figures scaled) is chunked like ingestion chunks and
/// embedded once; documents beyond the pool recombine one variant's passages (a subset, reordered),
/// so their passage texts, and hence their embeddings, are reused. Deterministic for a seed.
/// </summary>
internal sealed partial class SyntheticCorpusGenerator
{
    /// <summary>Fictitious companies (Microsoft's sample names), used alongside the real ones.</summary>
    private static readonly string[] FictitiousCompanies =
        ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Woodgrove Bank", "Litware", "Adventure Works", "Proseware",
            "Wingtip Toys", "Fourth Coffee", "Lamna Healthcare", "Trey Research"];
    private static readonly double[] FigureFactors = [0.5, 0.6, 0.75, 0.8, 1.2, 1.25, 1.5, 2, 2.5, 3];
    private static readonly int[] YearShifts = [-3, -2, -1, 1, 2, 3];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly int _seed;

    public IReadOnlyList<ArticleVariant> Variants { get; }

    public SyntheticCorpusGenerator(IReadOnlyList<ParsedDocument> articles, CompanyCatalog catalog, int variantCount, int seed)
    {
        if (articles.Count == 0) throw new ArgumentException("There are no articles to vary.", nameof(articles));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variantCount);
        _seed = seed;
        var realCompanies = articles.Select(a => a.CompanyHint).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        var realEvents = articles.Where(a => a.CompanyHint is not null)
            .Select(a => (Company: a.CompanyHint!, Published: DateExpressions.ParsePublished(a.PublishedRaw).Date))
            .Where(e => e.Published is not null).Select(e => (e.Company, e.Published!.Value)).ToList();
        Variants = Enumerable.Range(0, variantCount)
            .Select(i => MakeVariant(articles[i % articles.Count], realCompanies, realEvents, catalog, new Random(Mix(seed, i))))
            .ToList();
    }

    /// <summary>Every distinct text the generated passages are embedded from (the whole embedding workload).</summary>
    public IReadOnlyList<string> EmbeddingTexts => Variants.SelectMany(v => v.Passages).Select(p => p.EmbeddingText).Distinct().ToList();

    public IEnumerable<SyntheticDocument> Generate(int count)
    {
        for (var j = 0; j < count; j++) yield return Document(j);
    }

    /// <summary>Document <paramref name="j"/>: the whole variant on its first use, then a reordered subset of its passages.</summary>
    public SyntheticDocument Document(int j)
    {
        var variant = Variants[j % Variants.Count];
        var round = j / Variants.Count;
        var rng = new Random(Mix(_seed ^ 0x5bd1e995, j));
        IReadOnlyList<SyntheticPassage> chosen = variant.Passages;
        if (round > 0 && chosen.Count > 1)
        {
            var keep = rng.Next((chosen.Count + 1) / 2, chosen.Count + 1);
            chosen = chosen.OrderBy(_ => rng.Next()).Take(keep).ToList();
        }
        // A marker too short to be quoted keeps recombined copies distinct (no content-hash duplicates).
        var text = new StringBuilder($"[synthetic {j}]");
        var passages = new List<SyntheticPassage>(chosen.Count);
        foreach (var passage in chosen)
        {
            text.Append("\n\n");
            var start = text.Length;
            text.Append(variant.Text, passage.Start, passage.End - passage.Start);
            passages.Add(passage with { Start = start, End = text.Length });
        }
        var body = text.ToString();
        var published = variant.Published?.AddDays(round == 0 ? 0 : rng.Next(0, 28));
        var url = $"https://synthetic.invalid/{j}";
        var document = new DocumentRecord
        {
            Id = $"synthetic-{j:D6}", Title = variant.Title, Url = url, SourceKey = url, Publisher = variant.Publisher,
            PublishedRaw = published?.ToString(variant.PublishedPrecision == "day" ? "yyyy-MM-dd" : "yyyy-MM", Invariant),
            Published = published, PublishedPrecision = variant.PublishedPrecision, Companies = [.. variant.Companies],
            SourceKind = "synthetic", ContentHash = DocumentRecord.HashOf(body),
            Text = body, Version = 1,
        };
        return new SyntheticDocument(document, passages);
    }

    private static ArticleVariant MakeVariant(ParsedDocument article, string[] realCompanies,
        IReadOnlyList<(string Company, DateTime Published)> realEvents, CompanyCatalog catalog, Random rng)
    {
        // Always another company and another year: a distractor must not be a copy of a real report
        // of the same layoff round (only the real files count as hits when recall is measured).
        var original = article.CompanyHint ?? "";
        var others = realCompanies.Where(c => c != original).ToArray();
        var company = rng.NextDouble() < 0.5 && others.Length > 0 ? others[rng.Next(others.Length)]
            : FictitiousCompanies[rng.Next(FictitiousCompanies.Length)];
        var factor = FigureFactors[rng.Next(FigureFactors.Length)];
        var (date, precision) = DateExpressions.ParsePublished(article.PublishedRaw);
        var shift = YearShifts[rng.Next(YearShifts.Length)];
        // ... nor a report about a real round of the company it now names.
        for (var tries = 0; tries < YearShifts.Length && date is { } d
            && realEvents.Any(e => e.Company == company && Math.Abs((e.Published - d.AddYears(shift)).TotalDays) < 62); tries++)
            shift = YearShifts[(Array.IndexOf(YearShifts, shift) + 1) % YearShifts.Length];
        string Rewrite(string s) => RewriteNumbers(SwapCompany(s, original, company), shift, factor);

        var title = Rewrite(article.Title);
        var text = Rewrite(article.Text);
        var spans = PassageChunker.Chunk(SentenceSegmenter.Split(text));
        var passages = spans.Select(s => new SyntheticPassage(s.Start, s.End, IngestionPipeline.EmbeddingText(title, s.Of(text)))).ToList();

        // Companies as ingestion lists them: the source's own company first, then the ones mentioned.
        var mentioned = catalog.FindMentions(title + "\n" + text).ToList();
        var hint = company.Length == 0 ? null : catalog.Canonicalize(company) ?? company;
        if (hint is not null) { mentioned.Remove(hint); mentioned.Insert(0, hint); }

        return new ArticleVariant(article.SourcePath ?? article.SourceKey, company, title, text, article.Publisher,
            date?.AddYears(shift), precision?.ToString().ToLowerInvariant(), mentioned, passages);
    }

    internal static string SwapCompany(string text, string from, string to) =>
        from.Length == 0 || from == to ? text : Regex.Replace(text, $@"\b{Regex.Escape(from)}\b", to);

    /// <summary>Years move by <paramref name="shift"/>; figures of 10 and more scale by <paramref name="factor"/>; days of a month
    /// stay.</summary>
    internal static string RewriteNumbers(string text, int shift, double factor) => NumberPattern().Replace(text, m =>
    {
        var token = m.Value;
        var hasComma = token.Contains(',');
        var dot = token.IndexOf('.');
        var decimals = dot < 0 ? 0 : token.Length - dot - 1;
        var value = double.Parse(token.Replace(",", ""), Invariant);
        if (!hasComma && decimals == 0 && token.Length == 4 && value is >= 1990 and <= 2039)
            return ((int)value + shift).ToString(Invariant);
        if (MonthBefore().IsMatch(text.AsSpan(Math.Max(0, m.Index - 12), Math.Min(12, m.Index)))) return token;
        if (value < 10 && decimals == 0) return token;
        var scaled = value * factor;
        var rest = text.AsSpan(m.Index + m.Length);
        if (rest.StartsWith("%") || rest.StartsWith(" percent", StringComparison.OrdinalIgnoreCase)) scaled = Math.Min(scaled, 95);
        if (decimals > 0) return scaled.ToString("F" + decimals, Invariant);
        return Math.Round(scaled).ToString(hasComma ? "N0" : "0", Invariant);
    });

    /// <summary>A deterministic seed per item (HashCode.Combine is randomised per process).</summary>
    private static int Mix(int seed, int i) => unchecked(seed * 1_000_003 + i * 7_919 + 17);

    [GeneratedRegex(@"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$")]
    private static partial Regex MonthBefore();
}
