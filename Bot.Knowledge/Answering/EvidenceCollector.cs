namespace Bot.Knowledge.Answering;

/// <summary>The documents and sentences an answer may quote, and what the knowledge base knows around them.</summary>
public sealed record Evidence(
    IReadOnlyList<CandidateSentence> Sentences,
    IReadOnlyList<DocumentRecord> CompanyDocuments,
    IReadOnlyList<ArticleRound> OtherRounds,
    ArticleRound? ChosenRound);

/// <summary>
/// The articles about one company published in one month: a round as the article text alone shows it, used to pick
/// which round an answer quotes. <see cref="LayoffData.LayoffRound"/> is the round itself, every source's figure merged.
/// </summary>
public sealed record ArticleRound(string Company, DateTime? Month, IReadOnlyList<DocumentRecord> Documents, double Score)
{
    public string Label => Month?.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "an undated report";
}

/// <summary>
/// Retrieves passages for a parsed question, narrows them to the layoff round that fits best (the
/// period asked, or the round most sources discuss), and splits them into candidate sentences.
/// </summary>
public sealed partial class EvidenceCollector(
    HybridRetriever retriever, SentenceCache sentences, CompanyCatalog companies, LayoffData.LayoffDataQueries rounds)
{
    public const int PassageCount = 16;

    public Evidence Collect(ParsedQuestion question, string? company, float[] queryVector, int passages = PassageCount)
    {
        var index = retriever.Index;
        var filter = FilterFor(question, company, index, out var companyDocs);
        var query = QueryText(question, company);
        var retrieved = retriever.Search(query, queryVector, filter, passages);
        var groups = company is null ? [] : GroupByRound(company, retrieved);
        ArticleRound? chosen = null;
        if (company is not null && question.Period is null && question.Round is { } reference
            && Referenced(RoundsOf(company, companyDocs), reference) is { } named)
        {
            // "the second round": counted over all the company's rounds, not only those retrieved.
            chosen = named;
            var keep = named.Documents.Select(d => d.Id).ToHashSet();
            retrieved = retrieved.Where(r => keep.Contains(r.Document.Id)).ToList();
            groups = [named, .. groups.Where(g => !g.Documents.Any(d => keep.Contains(d.Id)))];
        }
        else if (groups.Count > 0)
        {
            // A figure in the question ("its 15,000 cuts") names the round that states it; "latest" the newest round.
            // A later article may mention an earlier round's figure, so the round is the one whose articles state it most.
            chosen = FigureInQuestion(question.Text) is { } figure
                ? groups.Select(g => (Group: g,
                    Stating: g.Documents.Count(d => Text.NumberText.JoinDigitGroups(d.Text).Contains(figure, StringComparison.Ordinal))))
                      .Where(x => x.Stating > 0).OrderByDescending(x => x.Stating).Select(x => x.Group).FirstOrDefault() ?? groups[0]
                : question.AsksLatest && question.Period is null ? groups.MaxBy(g => g.Month ?? DateTime.MinValue)!
                : groups[0];
            // News trails events, so retrieval lets in articles published a few weeks after the period; but a round
            // whose first report came well after the period is another round ("Meta layoffs in 2024?" is not January 2025).
            if (question.Period is { } asked && chosen.Documents.All(d => ReportedAfter(d, asked)))
            {
                groups = groups.Where(g => g != chosen).ToList();
                chosen = null;
                retrieved = [];
            }
            else
            {
                var keep = chosen.Documents.Select(d => d.Id).ToHashSet();
                retrieved = retrieved.Where(r => keep.Contains(r.Document.Id)).ToList();
            }
        }

        var candidates = new List<CandidateSentence>();
        var seen = new HashSet<string>();
        for (var rank = 0; rank < retrieved.Count; rank++)
        {
            var passage = retrieved[rank];
            foreach (var span in sentences.For(passage.Document))
            {
                if (span.End <= passage.Start || span.Start >= passage.End) continue;
                if (!seen.Add($"{passage.Document.Id}:{span.Start}")) continue;
                var text = span.Of(passage.Document.Text);
                if (!IsQuotable(text)) continue;
                candidates.Add(new CandidateSentence(passage.Document, span, text, sentences.Facts(text),
                    passage.Cosine + 8 * passage.Score, Overlap(question.Topic, text)));
            }
        }
        // The whole of each document of the chosen round is evidence (articles are short); sentences
        // outside the retrieved passages start from a low retrieval score.
        if (chosen is not null)
        {
            foreach (var doc in chosen.Documents.Take(8))
                foreach (var span in sentences.For(doc))
                {
                    if (!seen.Add($"{doc.Id}:{span.Start}")) continue;
                    var text = span.Of(doc.Text);
                    if (!IsQuotable(text)) continue;
                    candidates.Add(new CandidateSentence(doc, span, text, sentences.Facts(text), 0.25, Overlap(question.Topic, text)));
                }
        }
        if (company is not null && question.Period is { } period) AddStatedInPeriod(candidates, seen, companyDocs, period, question.Topic);
        return new Evidence(candidates, companyDocs, groups.Where(g => g != chosen).ToList(), chosen);
    }

    /// <summary>
    /// A sentence belongs to the round it states, not only to the one its article reports: "the last
    /// major reduction was in 2023, when it cut 11,000 workers", written in 2025, is evidence about 2023.
    /// Sentences of the company's other articles that state a date in the period asked join the evidence.
    /// </summary>
    private void AddStatedInPeriod(List<CandidateSentence> candidates, HashSet<string> seen, IReadOnlyList<DocumentRecord> companyDocs,
        QuestionPeriod period, IReadOnlyList<string> topic)
    {
        foreach (var doc in companyDocs.Where(d => d.Published is not { } p || !period.Contains(p)).Take(40))
        {
            var spans = sentences.For(doc);
            for (var i = 0; i < spans.Count; i++)
            {
                var text = spans[i].Of(doc.Text);
                var facts = sentences.Facts(text);
                if (!facts.HasLayoffCue || !StatesPeriod(text, facts, doc.Published, period)) continue;
                Add(doc, spans[i], text, facts);
                // "At the time, the New York Times reported ... 10,000 jobs": the next sentence refers back to this one, and
                // the figures it gives are this sentence's layoffs ("... cut jobs last July. That number was 1,000 people.").
                if (i + 1 < spans.Count && spans[i + 1].Of(doc.Text) is var next && ReferringBack().IsMatch(next))
                    Add(doc, spans[i + 1], next, AsLayoffFigures(sentences.Facts(next)));
            }
        }

        void Add(DocumentRecord doc, TextSpan span, string text, SentenceFacts facts)
        {
            if (!IsQuotable(text) || !seen.Add($"{doc.Id}:{span.Start}")) return;
            candidates.Add(new CandidateSentence(doc, span, text, facts, 0.2, Overlap(topic, text)));
        }
    }

    /// <summary>The sentence's head counts read as layoff figures, except a whole workforce.</summary>
    private static SentenceFacts AsLayoffFigures(SentenceFacts facts) => facts with
    {
        HeadCounts = [.. facts.HeadCounts.Select(h => h.IsTotalWorkforce ? h : h with { IsLayoff = true })],
    };

    /// <summary>
    /// Whether a sentence states a time inside the period: a full date, or a month or season without a
    /// year ("last July", "In November", "last fall"), read as the latest such time before the article.
    /// </summary>
    private static bool StatesPeriod(string text, SentenceFacts facts, DateTime? published, QuestionPeriod period)
    {
        var wholeYear = (period.To - period.From).TotalDays > 300;
        if (facts.Dates.Any(d => d.ToDate() is { } date && period.Contains(date) && (d.Precision != DatePrecision.Year || wholeYear)))
            return true;
        if (published is not { } p) return false;
        foreach (System.Text.RegularExpressions.Match m in BareMonth().Matches(text))
        {
            var word = m.Groups["m"].Value.ToLowerInvariant();
            var month = word switch { "fall" or "autumn" => 10, "summer" => 7, "spring" => 4, "winter" => 1,
                _ => DateExpressions.TryMonth(word, out var n) ? n : 0 };
            if (month == 0) continue;
            var year = month < p.Month || (month == p.Month && m.Groups["rel"].Value.Length == 0) ? p.Year : p.Year - 1;
            if (period.Contains(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc))) return true;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<rel>last|this past)\s+|(?:in|since|during|early|late|" +
        @"mid-?)\s+(?:the\s+)?)(?<m>January|February|March|April|May|June|July|August|September|October|November|December|fall|autumn|" +
        @"summer|spring|winter)\b(?!\s*,?\s*\d)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BareMonth();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:at the time|then|that (?:number|figure|round|cut)|the (?:number|figure|" +
        @"cuts?) (?:was|were))\b|\b(?:that|this) (?:number|figure) (?:was|is)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ReferringBack();

    /// <summary>
    /// A sentence worth quoting: not too short or long, and not page furniture (menus, bullet lists of
    /// links) that the segmenter kept together because it had no full stops.
    /// </summary>
    public static bool IsQuotable(string text)
    {
        if (text.Length < 25 || text.Length > 900) return false;
        // A question the article asks ("Which parts of the business will be affected?") answers nothing.
        if (text.TrimEnd().TrimEnd('"', '”', '’', '\'', ')').EndsWith('?')) return false;
        if (text.Contains('•')) return false;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length < 3 || lines.Average(l => l.Split(' ').Length) >= 5;
    }

    /// <summary>A head count written in the question ("15,000", "12k"), as plain digits.</summary>
    private static string? FigureInQuestion(string question)
    {
        var m = System.Text.RegularExpressions.Regex.Match(question, @"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d)?(?=k\b)|\d{3,})(k\b)?",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!m.Success) return null;
        var digits = m.Groups[1].Value.Replace(",", "");
        // a year
        if (digits.Length == 4 && digits[0] is '1' or '2' && !m.Groups[2].Success && !m.Groups[1].Value.Contains(',')) return null;
        if (!m.Groups[2].Success) return digits;
        return ((long)(double.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
            * 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The passages the answer path retrieves for a question (before narrowing them to one round); the benchmark measures their
    /// recall.</summary>
    public IReadOnlyList<RetrievedPassage> Retrieve(ParsedQuestion question, string? company, float[] queryVector, int passages)
    {
        var index = retriever.Index;
        return retriever.Search(QueryText(question, company), queryVector, FilterFor(question, company, index, out _), passages);
    }

    /// <summary>The period asked, and the company (as main company when some documents are mainly about it).</summary>
    private static RetrievalFilter FilterFor(ParsedQuestion question, string? company, KnowledgeIndex index,
        out IReadOnlyList<DocumentRecord> companyDocs)
    {
        companyDocs = [];
        var filter = new RetrievalFilter { From = question.Period?.From, To = question.Period?.To };
        if (company is null) return filter;
        companyDocs = index.DocumentsAbout(company, mainOnly: true);
        filter = filter with { Companies = [company], MainCompanyOnly = companyDocs.Count > 0 };
        if (companyDocs.Count == 0) companyDocs = index.DocumentsAbout(company, mainOnly: false);
        return filter;
    }

    /// <summary>The words worth matching: the question itself plus the company's canonical name.</summary>
    private static string QueryText(ParsedQuestion question, string? company) =>
        company is null || question.Text.Contains(company, StringComparison.OrdinalIgnoreCase) ? question.Text : company + " "
            + question.Text;

    /// <summary>
    /// The retrieved documents grouped by layoff round, using the one notion of a round the layoff
    /// timeline has (<see cref="LayoffData.LayoffDataQueries.Timeline"/>: dataset rows and article figures
    /// grouped by date and figure, as <c>layoffs</c>, the digest and the LLM plugin see them). A document
    /// joins the round that holds one of its figures, else the round whose dates are nearest its own
    /// (within <see cref="RoundReach"/>); a document near no round starts a group of its own by month.
    /// Groups are ordered by how much retrieved evidence they hold.
    /// </summary>
    private List<ArticleRound> GroupByRound(string company, IReadOnlyList<RetrievedPassage> retrieved) =>
        GroupByRound(company, retrieved.GroupBy(r => r.Document.Id).Select(g
            => (Doc: g.First().Document, Score: g.Sum(r => r.Score))).ToList());

    /// <summary>A company's articles grouped by layoff round (the same grouping answers use), newest round first.</summary>
    public IReadOnlyList<ArticleRound> RoundsOf(string company, IEnumerable<DocumentRecord> documents) =>
        GroupByRound(company, documents.Select(d => (Doc: d, Score: 1.0)).ToList()).OrderByDescending(g => g.Month
            ?? DateTime.MinValue).ToList();

    private List<ArticleRound> GroupByRound(string company, List<(DocumentRecord Doc, double Score)> byDoc)
    {
        var timeline = TimelineOf(company);
        var groups = new List<(string Key, DateTime? Month, List<DocumentRecord> Docs, double Score)>();
        foreach (var (doc, score) in byDoc.OrderBy(d => d.Doc.Published ?? DateTime.MaxValue))
        {
            var round = RoundOf(doc, timeline);
            var month = round is not null ? new DateTime(round.Start.Year, round.Start.Month, 1, 0, 0, 0, DateTimeKind.Utc)
                : doc.Published is { } p ? new DateTime(p.Year, p.Month, 1, 0, 0, 0, DateTimeKind.Utc) : (DateTime?)null;
            var key = round?.Id ?? (month is { } m ? $"month:{m:yyyy-MM}" : $"doc:{doc.Id}");
            // Documents near no round: neighbouring months are one story (coverage spans a few weeks).
            var match = groups.FindIndex(g => g.Key == key
                || (round is null && month is not null && g.Key.StartsWith("month:", StringComparison.Ordinal)
                                                               && g.Month is not null && Math.Abs((month.Value - g.Month.Value).TotalDays)
                                                                   <= 45));
            if (match < 0) groups.Add((key, month, [doc], score));
            else groups[match] = (groups[match].Key, groups[match].Month, [.. groups[match].Docs, doc], groups[match].Score + score);
        }
        return groups.OrderByDescending(g => g.Score).Select(g => new ArticleRound(company, g.Month, g.Docs, g.Score)).ToList();
    }

    private static ArticleRound? Referenced(IReadOnlyList<ArticleRound> newestFirst, RoundReference reference)
    {
        var oldestFirst = newestFirst.Where(g => g.Month is not null).OrderBy(g => g.Month).ToList();
        if (reference.Ordinal is { } n)
            return n < 0 ? oldestFirst.LastOrDefault() : n <= oldestFirst.Count ? oldestFirst[n - 1] : null;
        var anchorIndex = oldestFirst.FindLastIndex(g => g.Month!.Value.Month == (reference.AfterMonth ?? reference.BeforeMonth));
        if (anchorIndex < 0) return null;
        var target = reference.AfterMonth is not null ? anchorIndex + 1 : anchorIndex - 1;
        return target >= 0 && target < oldestFirst.Count ? oldestFirst[target] : null;
    }

    /// <summary>The rounds computed for one state of the knowledge base (its document revision and its rows' revision).</summary>
    private sealed record Timelines(long DocumentRevision, long RowsRevision)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<LayoffData.LayoffRound>> ByCompany { get; } =
            new(StringComparer.OrdinalIgnoreCase);
    }

    private Timelines _timelines = new(-1, -1);

    /// <summary>
    /// A company's rounds, computed once per state of the knowledge base: grouping every figure of a company with
    /// thousands of articles took tens of milliseconds a question at 50k documents.
    /// </summary>
    private IReadOnlyList<LayoffData.LayoffRound> TimelineOf(string company)
    {
        var (documents, rows) = (retriever.Index.Revision, rounds.RowsRevision);
        var timelines = Volatile.Read(ref _timelines);
        if (timelines.DocumentRevision != documents || timelines.RowsRevision != rows)
            Volatile.Write(ref _timelines, timelines = new Timelines(documents, rows));
        return timelines.ByCompany.GetOrAdd(company, c => rounds.Timeline(c, includeWarn: false));
    }

    /// <summary>How long after a period its round may first be reported and still be that period's round.</summary>
    private const int RoundReportLag = 10;

    /// <summary>Published after the period's report lag; a month-precision date only when its whole month is after the period.</summary>
    private static bool ReportedAfter(DocumentRecord d, QuestionPeriod period) => d.Published is { } p
        && (d.PublishedPrecision is "month" or "year" ? p >= period.To : p >= period.To.AddDays(RoundReportLag));

    /// <summary>How far from a round's dates an article without a figure of its own may still be about it.</summary>
    private const int RoundReach = 45;

    private static LayoffData.LayoffRound? RoundOf(DocumentRecord doc, IReadOnlyList<LayoffData.LayoffRound> timeline)
    {
        // An article can state figures the timeline files under two rounds (its own, and a report's "up to 30,000"):
        // it belongs to the round that holds most of its figures, then to the one more sources describe.
        var holding = timeline
            .Select(e => (Event: e, Mine: e.ArticleFigures.Count(f => f.Article?.DocumentId == doc.Id)))
            .Where(x => x.Mine > 0)
            .OrderByDescending(x => x.Mine).ThenByDescending(x => x.Event.Sources.Count)
            .Select(x => x.Event).FirstOrDefault();
        if (holding is not null || doc.Published is not { } published) return holding;
        var day = DateOnly.FromDateTime(published);
        return timeline
            .Select(e => (Event: e, Distance: day < e.Start ? e.Start.DayNumber - day.DayNumber : day > e.End ? day.DayNumber
                - e.End.DayNumber : 0))
            .Where(x => x.Distance <= RoundReach)
            .OrderBy(x => x.Distance).Select(x => x.Event).FirstOrDefault();
    }

    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["ai"] = ["ai", "artificial", "intelligence", "generative", "automation", "agent"],
        ["layoff"] = ["layoff", "cut", "eliminate", "job", "role", "reduc", "redundancy"],
        ["cut"] = ["cut", "layoff", "eliminate", "reduc"],
        ["job"] = ["job", "role", "position", "employee", "staff"],
        ["role"] = ["role", "job", "position"],
        ["people"] = ["people", "employee", "staff", "worker", "job", "role"],
        ["employee"] = ["employee", "people", "staff", "worker"],
        ["support"] = ["support", "service", "customer"],
    };

    /// <summary>Share of the question's content words that the sentence contains (with a few synonyms).</summary>
    public static double Overlap(IReadOnlyList<string> topic, string sentence)
    {
        if (topic.Count == 0) return 0;
        var tokens = Tokenizer.Tokenize(sentence).ToHashSet();
        var hits = 0;
        foreach (var t in topic)
        {
            if (tokens.Contains(t)) { hits++; continue; }
            if (Synonyms.TryGetValue(t, out var alts) && alts.Any(a => tokens.Any(tok => tok.StartsWith(a, StringComparison.Ordinal))))
                hits++;
        }
        return (double)hits / topic.Count;
    }

    public bool MentionsCompany(string text, string company)
        => companies.FindMentions(text).Contains(company, StringComparer.OrdinalIgnoreCase);
}
