using System.Diagnostics;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Storage;
using Microsoft.Extensions.Logging;
using static Bot.Knowledge.Answering.AnswerStatements;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers offline from quoted sentences: understands the question, collects evidence for the
/// layoff round it is about, picks the sentences that state the figure, reason, date or person
/// asked for, and writes a one- or two-sentence answer whose figures come from those quotes.
/// Every answer then passes through <see cref="AnswerVerifier"/>.
/// </summary>
internal sealed class ExtractiveAnswerEngine(
    QuestionParser parser,
    EvidenceCollector collector,
    HybridRetriever retriever,
    ITextEmbedder embedder,
    AnswerVerifier verifier,
    DataAnswerer data,
    ILogger<ExtractiveAnswerEngine> logger) : IAnswerEngine
{

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

}
