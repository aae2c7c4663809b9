using System.Diagnostics;
using System.Globalization;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers offline from quoted sentences: understands the question, collects evidence for the
/// layoff round it is about, picks the sentences that state the figure, reason, date or person
/// asked for, and writes a one- or two-sentence answer whose figures come from those quotes.
/// Every answer then passes through <see cref="AnswerVerifier"/>.
/// </summary>
internal sealed partial class ExtractiveAnswerEngine(
    QuestionParser parser,
    EvidenceCollector collector,
    HybridRetriever retriever,
    ITextEmbedder embedder,
    AnswerVerifier verifier,
    DataAnswerer data,
    ILogger<ExtractiveAnswerEngine> logger) : IAnswerEngine
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var watch = Stopwatch.StartNew();
        var answer = verifier.Verify(Compose(request));
        logger.LogDebug("Answered {Question} in {Ms} ms", request.Question, watch.Elapsed.TotalMilliseconds);
        return Task.FromResult(answer with { ElapsedMs = watch.Elapsed.TotalMilliseconds });
    }

    /// <summary>The unverified answer (public for the LLM engine's fallback and for tests of the verifier).</summary>
    public Answer Compose(AnswerRequest request)
    {
        var question = WithImpliedCompany(parser.Parse(request.Question, request.History));
        var vector = embedder.Embed(question.Text);
        var draft = new AnswerDraft();
        if (DataAnswerer.AsksForRanking(question) && data.TryAnswerRanking(question, draft))
        {
        }
        else if (retriever.Index.PassageCount == 0 && question.Companies.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say("The knowledge base is empty, so I can't answer yet. Ingest some articles first.");
        }
        else if (question.Companies.Count == 0 && (question.Has(QuestionKind.List) || question.Kinds == QuestionKind.Reason))
            AnswerAcrossCompanies(question, vector, draft);
        else if (question.Companies.Count >= 2)
            foreach (var company in question.Companies.Take(3)) AnswerForCompany(question, company, vector, draft, compact: true);
        else
            AnswerForCompany(question, question.Companies.FirstOrDefault(), vector, draft, compact: false);
        return draft.Build(request.Question);
    }

    private void AnswerForCompany(ParsedQuestion q, string? company, float[] vector, AnswerDraft draft, bool compact)
    {
        if (company is not null && data.TryAnswerWarn(q, company, draft)) return;
        var evidence = collector.Collect(q, company, vector);
        var name = company ?? "The company";
        if (company is not null && evidence.CompanyDocuments.Count == 0)
        {
            ArticlesSilent(q, company, $"none of the articles I have covers {company} layoffs{PeriodSuffix(q)}.", draft);
            return;
        }
        if (evidence.Sentences.Count == 0)
        {
            if (company is null)
            {
                draft.NoAnswer = true;
                draft.Say("I don't know: I found nothing relevant in the articles I have.");
                return;
            }
            ArticlesSilent(q, company, $"the articles I have don't report {company} layoffs{PeriodSuffix(q)}.{CoveredPeriods(evidence.CompanyDocuments, company)}", draft);
            return;
        }

        // Sentences about another company (a passing mention) can't answer for this one.
        var pool = company is null ? evidence.Sentences
            : evidence.Sentences.Where(s => s.Company.Equals(company, StringComparison.OrdinalIgnoreCase) || collector.MentionsCompany(s.Text, company)).ToList();
        var answered = false;
        if (q.Has(QuestionKind.Count) || q.Has(QuestionKind.Compare)) answered |= SayCount(q, name, pool, draft, compact);
        if (q.Has(QuestionKind.Percent) && !draft.NoAnswer) answered |= SayPercent(q, name, pool, draft, answeredCount: answered);
        if (q.Has(QuestionKind.Date)) answered |= SayDate(q, name, pool, draft);
        if (q.Has(QuestionKind.Who)) answered |= SayWho(q, name, pool, draft);
        if (q.Has(QuestionKind.Reason) && !compact) answered |= SayReason(q, name, pool, draft);
        if (!answered && !draft.NoAnswer)
        {
            draft.NoAnswer = true;
            draft.Say($"I don't know: the articles I have don't state that for {name}{PeriodSuffix(q)}.");
        }
        if (!compact && q.Period is null && evidence.OtherEvents.Count > 0 && evidence.ChosenEvent is { } chosen)
        {
            var others = evidence.OtherEvents.Where(e => e.Month is not null).Select(e => e.Label).Distinct().Take(3).ToList();
            if (others.Count > 0) draft.Say($"This is about the {chosen.Label} round; the sources also cover {name} layoffs in {string.Join(", ", others)}.");
        }
    }

    /// <summary>
    /// "what did nadella say about the july layoffs?" names no company, but "nadella" occurs only in
    /// articles about Microsoft: a rare word whose every occurrence is in one company's articles names it.
    /// </summary>
    private ParsedQuestion WithImpliedCompany(ParsedQuestion q)
    {
        if (q.Companies.Count > 0 || q.Has(QuestionKind.List)) return q;
        var index = retriever.Index;
        if (index.PassageCount == 0) return q;
        string? implied = null;
        foreach (var term in Text.Tokenizer.Tokenize(q.Text).Where(t => t.Length >= 4 && !char.IsDigit(t[0])).Distinct())
        {
            var documents = index.Lexical.PassagesWith(term).Select(p => index.PassageDocument[p]).Distinct().ToList();
            if (documents.Count == 0 || documents.Count > Math.Max(3, index.Documents.Count / 8)) continue;
            var companies = documents.Select(d => index.Documents[d].Companies.FirstOrDefault()).Distinct().ToList();
            if (companies.Count != 1 || companies[0] is null) continue;
            if (implied is not null && implied != companies[0]) return q; // two words point at two companies: don't guess
            implied = companies[0];
        }
        return implied is null ? q : q with { Companies = [implied], InheritedSubject = true };
    }

    /// <summary>The articles have nothing on this: say so, then give the data rows when there are any.</summary>
    private void ArticlesSilent(ParsedQuestion q, string company, string gap, AnswerDraft draft)
    {
        var wantsFigure = q.Has(QuestionKind.Count) || q.Has(QuestionKind.Compare) || q.Kinds == (QuestionKind.Count | QuestionKind.Reason);
        if (wantsFigure && data.TryAnswerCount(q, company, draft))
        {
            // Put the gap first: reorder by saying it before the data sentence already added.
            draft.PrependSay(char.ToUpperInvariant(gap[0]) + gap[1..]);
            return;
        }
        draft.NoAnswer = true;
        draft.Say("I don't know: " + gap);
    }

    private static bool SayCount(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft, bool compact)
    {
        var withCounts = pool
            // A hypothetical ("even a 1 per cent cut would affect 2,700") is not a figure anyone reported, unless a report says it.
            .Where(s => !Speculative().IsMatch(s.Text) || s.Facts.Claimant == Claimant.Report)
            .SelectMany(s => s.Facts.HeadCounts.Where(h => h.IsLayoff && !h.IsTotalWorkforce && h.Value >= 10).Select(h => (Sentence: s, Head: h)))
            .ToList();
        if (withCounts.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say($"I don't know the exact number: the articles I have don't give a head count for {name}'s layoffs{PeriodSuffix(q)}.");
            var percent = pool.Where(s => s.Facts.Percents.Count > 0 && s.Facts.HasLayoffCue).OrderByDescending(s => s.Retrieval + s.Overlap).FirstOrDefault();
            if (percent is not null)
                draft.Say($"They give a share of the workforce instead: \"{percent.Facts.Percents[0].Text}\" [{draft.Quote(percent)}].");
            return true;
        }

        double Score((CandidateSentence Sentence, HeadCount Head) c) =>
            c.Sentence.Retrieval + 1.5 * c.Sentence.Overlap + (c.Sentence.Facts.Claimant == Claimant.Company ? 0.3 : 0) + (c.Head.Qualifier is "up to" ? -0.2 : 0)
            - TimePenalty(q, c.Sentence);

        // One figure per value; a value that more documents state, in better-matching sentences, wins.
        var byValue = withCounts.GroupBy(c => c.Head.Value)
            .Select(g => (Value: g.Key, Best: g.MaxBy(Score), Support: g.GroupBy(c => c.Sentence.Document.Id).Sum(d => d.Max(Score))))
            .OrderByDescending(v => v.Support).ToList();
        var main = byValue[0].Best;
        var n = draft.Quote(main.Sentence);
        var who = main.Sentence.Facts.Claimant == Claimant.Report && main.Sentence.Facts.ReportedBy is { } outlet ? $"reported by {outlet}" : SourceType(main.Sentence);
        draft.Say($"{name}: {main.Head.Text} ({who}{When(main.Sentence)}) [{n}].");

        if (!compact)
        {
            // Where a report gives another figure than the company, show both and who says each.
            var other = byValue.Skip(1)
                .Select(v => v.Best)
                .FirstOrDefault(c => c.Sentence.Facts.Claimant == Claimant.Report && c.Head.Value > main.Head.Value);
            if (other.Sentence is not null)
            {
                var by = other.Sentence.Facts.ReportedBy is { } o ? $"reported by {o}" : "reported, not confirmed";
                draft.Say($"A higher figure, {other.Head.Text}, was {by}, not confirmed by {name} [{draft.Quote(other.Sentence)}].");
            }
            else
            {
                // Another source states a different figure for the same round: show it, and who says it.
                var differing = byValue.Skip(1).Select(v => v.Best).FirstOrDefault(c =>
                    c.Sentence.Document.Id != main.Sentence.Document.Id
                    && Math.Abs(c.Head.Value - main.Head.Value) > 0.05 * main.Head.Value
                    && c.Head.Value < 3 * main.Head.Value && c.Head.Value > main.Head.Value / 3
                    && Score(c) >= 0.6 * Score(main));
                if (differing.Sentence is not null)
                    draft.Say($"{ShortPublisher(differing.Sentence.Document)} gives {differing.Head.Text} instead [{draft.Quote(differing.Sentence)}].");
            }
        }
        return true;
    }

    private static bool SayPercent(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft, bool answeredCount)
    {
        var best = pool.Where(s => s.Facts.Percents.Count > 0)
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (s.Facts.HasLayoffCue ? 0.5 : 0) + (WorkforceWord(s.Text) ? 0.3 : 0) - TimePenalty(q, s))
            .FirstOrDefault();
        if (best is null)
        {
            if (answeredCount) return false;
            draft.NoAnswer = true;
            draft.Say($"I don't know: the articles I have don't give {name}'s cut as a percentage{PeriodSuffix(q)}.");
            return true;
        }
        var percent = best.Facts.Percents.OrderByDescending(p => p.Value < 100).First();
        draft.Say($"{name} cut {percent.Text} of its workforce ({SourceType(best)}{When(best)}) [{draft.Quote(best)}].");
        return true;
    }

    private static bool SayDate(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft)
    {
        // A date near the report's own publication date is the announcement; a date weeks away is something else.
        double NearPublication(CandidateSentence s)
        {
            if (s.Document.Published is not { } published) return 0;
            var date = s.Facts.Dates.First(d => d.Precision == Text.DatePrecision.Day);
            var when = new DateTime(date.Year ?? published.Year, date.Month ?? 1, Math.Min(date.Day ?? 1, 28), 0, 0, 0, DateTimeKind.Utc);
            var days = Math.Abs((when - published).TotalDays);
            return days <= 7 ? 0.8 : days <= 31 ? 0.2 : -0.5;
        }
        var best = pool.Where(s => s.Facts.Dates.Any(d => d.Precision == Text.DatePrecision.Day))
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (s.Facts.HasLayoffCue ? 0.6 : 0) + (AnnounceWord(s.Text) ? 0.4 : 0) + (s.Facts.HeadCounts.Count > 0 ? 0.3 : 0) + NearPublication(s))
            .FirstOrDefault();
        if (best is not null && NearPublication(best) >= 0)
        {
            var date = best.Facts.Dates.First(d => d.Precision == Text.DatePrecision.Day);
            var dateText = date.Span.Of(best.Text);
            var year = date.Year is null && best.Document.Published is { } p ? $", {p.Year.ToString(Invariant)}" : "";
            draft.Say($"{name} announced it on {dateText}{year} [{draft.Quote(best)}].");
            return true;
        }
        // No sentence names the day ("this afternoon"): the earliest dated report of the round is the best evidence.
        var reported = pool.Where(s => s.Document.PublishedPrecision == "day" && s.Facts.HasLayoffCue)
            .OrderBy(s => s.Document.Published).ThenByDescending(s => s.Retrieval + s.Overlap).FirstOrDefault();
        if (reported is null) return false;
        draft.Say($"The articles don't give the day in their text; the earliest report I have is from {reported.Document.Published!.Value.ToString("MMMM d, yyyy", Invariant)} ({ShortPublisher(reported.Document)}) [{draft.Quote(reported)}].");
        return true;
    }

    private static bool SayWho(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft)
    {
        var best = pool.Where(s => s.Facts.People.Count > 0)
            .OrderByDescending(s => s.Retrieval + 1.5 * s.Overlap + (AnnounceWord(s.Text) ? 0.6 : 0) + (s.Facts.HasLayoffCue ? 0.3 : 0))
            .FirstOrDefault();
        if (best is null) return false;
        var person = best.Facts.People[0];
        draft.Say($"{person.Name}{(person.Title is null ? "" : $" ({person.Title})")} announced {name}'s layoffs{When(best)} [{draft.Quote(best)}].");
        return true;
    }

    private static bool SayReason(ParsedQuestion q, string name, IReadOnlyList<CandidateSentence> pool, AnswerDraft draft)
    {
        // Stated reasons outrank speculation: the company's own words first, "may"/"suggests" last.
        var reasons = pool.Where(s => s.Facts.ReasonScore > 0)
            .OrderByDescending(s => Math.Min(s.Facts.ReasonScore, 8) / 2.5 + s.Retrieval + s.Overlap
                                    + (s.Facts.Claimant == Claimant.Company ? 0.3 : 0) - (Speculative().IsMatch(s.Text) ? 0.6 : 0))
            .ToList();
        if (reasons.Count == 0) return false;
        // Cover different kinds of reason (AI, structure, economy, over-hiring, costs) instead of one reason twice.
        var picked = new List<CandidateSentence> { reasons[0] };
        var themes = Themes(reasons[0]);
        foreach (var r in reasons.Skip(1))
        {
            if (picked.Count == 3) break;
            var fresh = Themes(r).Except(themes).ToList();
            if (fresh.Count == 0 || r.Facts.ReasonScore < 2) continue;
            picked.Add(r);
            themes.UnionWith(fresh);
        }
        var fragments = picked.Select(p => $"“{ReasonFragment(p)}” [{draft.Quote(p)}]").ToList();
        draft.Say($"Reasons given: {string.Join("; ", fragments)}.");
        return true;
    }

    /// <summary>The substantive kinds of reason a sentence gives (generic cause/cost words do not count as a new reason).</summary>
    private static HashSet<string> Themes(CandidateSentence s) => s.Facts.ReasonCues.Select(FactExtractor.ThemeOf).Where(t => t is not ("cause" or "costs")).ToHashSet();

    /// <summary>The clause around the strongest reason cue, verbatim, cut at punctuation and word boundaries.</summary>
    private static string ReasonFragment(CandidateSentence s)
    {
        var text = s.Text;
        var clauses = ClauseBreak().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count == 0) return text.Trim();
        var best = clauses.Select((c, i) => (Clause: c, Index: i, Score: FactExtractor.Extract(c).ReasonScore))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index).First();
        var fragment = best.Clause;
        // Very short clauses ("AI") read better with their neighbour, when it is still a clause of the same sentence.
        if (fragment.Length < 30 && best.Index + 1 < clauses.Count)
        {
            var joined = text.IndexOf(fragment, StringComparison.Ordinal) is var at and >= 0
                ? text[at..Math.Min(text.Length, text.IndexOf(clauses[best.Index + 1], at, StringComparison.Ordinal) + clauses[best.Index + 1].Length)]
                : fragment;
            if (joined.Length <= 160) fragment = joined.Trim();
        }
        if (fragment.Length > 160)
        {
            var cut = fragment.LastIndexOf(' ', 160);
            fragment = fragment[..(cut > 40 ? cut : 160)].TrimEnd(',', ' ');
        }
        return fragment;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d),(?!\d)|;|:|—|–|\(|\)|“|”|""|\.\s")]
    private static partial System.Text.RegularExpressions.Regex ClauseBreak();

    /// <summary>"Which companies blamed AI in 2025?": the best reason sentence per company that matches the topic.</summary>
    private void AnswerAcrossCompanies(ParsedQuestion q, float[] vector, AnswerDraft draft)
    {
        var evidence = collector.Collect(q, null, vector, passages: 40);
        var topical = evidence.Sentences
            .Where(s => s.Company.Length > 0 && s.Overlap > 0 && (s.Facts.ReasonScore > 0 || s.Facts.HasLayoffCue))
            .GroupBy(s => s.Company)
            .Select(g => g.MaxBy(s => s.Retrieval + 2 * s.Overlap + Math.Min(s.Facts.ReasonScore, 6) / 3)!)
            .OrderByDescending(s => s.Retrieval + 2 * s.Overlap)
            .Take(6)
            .ToList();
        if (topical.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say($"I don't know: no article I have matches that{PeriodSuffix(q)}.");
            return;
        }
        var items = topical.Select(s => $"{s.Company} [{draft.Quote(s)}]");
        draft.Say($"Companies whose layoff coverage matches{PeriodSuffix(q)}: {string.Join(", ", items)}.");
    }

    private static string When(CandidateSentence s) => s.Document.Published is { } p
        ? (s.Document.PublishedPrecision == "day" ? $", reported {p.ToString("MMMM d, yyyy", Invariant)}" : $", reported {p.ToString("MMMM yyyy", Invariant)}") + $" by {ShortPublisher(s.Document)}"
        : $", reported by {ShortPublisher(s.Document)}";

    /// <summary>"Human Resources Online (humanresourcesonline.net)" -> "Human Resources Online".</summary>
    private static string ShortPublisher(DocumentRecord d)
    {
        var p = d.Publisher ?? (d.Url is not null && Uri.TryCreate(d.Url, UriKind.Absolute, out var u) ? u.Host : "the source");
        var paren = p.IndexOf(" (", StringComparison.Ordinal);
        return (paren > 0 ? p[..paren] : p).Replace("\"", "");
    }

    /// <summary>A sentence about another year than the one asked ("its last cut, in 2023, ...") is weak evidence for a count.</summary>
    private static double TimePenalty(ParsedQuestion q, CandidateSentence s)
    {
        var years = s.Facts.Dates.Where(d => d.Year is not null).Select(d => d.Year!.Value).ToList();
        var penalty = PastCue().IsMatch(s.Text) ? 0.8 : 0;
        if (years.Count == 0) return penalty;
        var from = q.Period?.From.Year ?? s.Document.Published?.Year;
        var to = q.Period is { } pp ? pp.To.AddTicks(-1).Year : s.Document.Published?.Year;
        if (from is null || to is null) return penalty;
        return years.Any(y => y >= from && y <= to) ? penalty : penalty + 1.5;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:may|might|could|suggests?|speculat\w*|rumou?r\w*|if|even a)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Speculative();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:last|previous|previously|earlier|prior)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PastCue();

    private static string SourceType(CandidateSentence s) => s.Facts.Claimant switch
    {
        Claimant.Company => "confirmed by the company",
        Claimant.Report => "per news reports",
        _ => "per news coverage",
    };

    private static string PeriodSuffix(ParsedQuestion q) => q.Period is null ? "" : $" in {q.Period.Label}";

    private static string CoveredPeriods(IReadOnlyList<DocumentRecord> docs, string company)
    {
        var months = docs.Where(d => d.Published is not null).Select(d => d.Published!.Value.ToString("MMMM yyyy", Invariant)).Distinct().Take(4).ToList();
        return months.Count == 0 ? "" : $" They cover {company} in {string.Join(", ", months)}.";
    }

    private static bool WorkforceWord(string s) => s.Contains("workforce", StringComparison.OrdinalIgnoreCase) || s.Contains("staff", StringComparison.OrdinalIgnoreCase) || s.Contains("employee", StringComparison.OrdinalIgnoreCase) || s.Contains("team", StringComparison.OrdinalIgnoreCase);

    private static bool AnnounceWord(string s) =>
        s.Contains("announc", StringComparison.OrdinalIgnoreCase) || s.Contains("memo", StringComparison.OrdinalIgnoreCase) || s.Contains("email", StringComparison.OrdinalIgnoreCase)
        || s.Contains("wrote", StringComparison.OrdinalIgnoreCase) || s.Contains("letter", StringComparison.OrdinalIgnoreCase) || s.Contains("told", StringComparison.OrdinalIgnoreCase) || s.Contains("sent", StringComparison.OrdinalIgnoreCase);
}
