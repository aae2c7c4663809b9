using System.Diagnostics;
using Bot.Knowledge.Answering.Kinds;
using static Bot.Knowledge.Answering.AnswerWording;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers offline from quoted sentences. The message is understood first (help, recent layoffs, a
/// layoff question); question kinds that answer a whole question (rankings, WARN notices, comparisons,
/// a company's rounds) get the first word; otherwise the evidence for the round asked is collected once
/// and each part of the question is answered by the fact kinds that recognise it, or by the general
/// evidence answer when none does. Every answer then passes through <see cref="AnswerVerifier"/>.
/// </summary>
internal sealed class ExtractiveAnswerEngine(
    QuestionParser parser,
    EvidenceCollector collector,
    HybridRetriever retriever,
    ITextEmbedder embedder,
    FocusRanker ranker,
    IEnumerable<IQuestionKind> questionKinds,
    IEnumerable<IFactKind> factKinds,
    GeneralEvidenceKind general,
    AnswerVerifier verifier,
    DataAnswerer data,
    Companies.CompanyCatalog companies,
    ILogger<ExtractiveAnswerEngine> logger) : IAnswerEngine
{
    private readonly IReadOnlyList<IQuestionKind> _questionKinds = questionKinds.ToList();
    private readonly IReadOnlyList<IFactKind> _factKinds = factKinds.ToList();

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
        var draft = new AnswerDraft();
        LearnCompanies();
        var question = WithImpliedCompany(parser.Parse(request.Question, request.History));
        // A several-part question's parts are ranked by their own meaning ("who sent it" is not "was it Jassy"):
        // embedded with the question in one call.
        var several = question.Parts.Count > 1;
        var vectors = embedder.EmbedAll(several ? [question.Text, .. question.Parts.Select(p => p.Text)] : [question.Text]);
        var vector = vectors[0];
        var partVectors = several ? vectors.Skip(1).ToList() : question.Parts.Select(_ => vector).ToList();
        var context = new QuestionContext(question, vector, side => ContextFor(side, vector));
        var kind = _questionKinds.FirstOrDefault(k => k.TryAnswer(context, draft));
        if (kind is not null)
            logger.LogDebug("{Question} answered by the {Kind} kind", request.Question, kind.Name);
        else if (retriever.Index.PassageCount == 0 && question.Companies.Count == 0)
        {
            draft.NoAnswer = true;
            draft.Say("The knowledge base is empty, so I can't answer yet. Ingest some articles first.");
        }
        else if (question.Companies.Count >= 2)
            foreach (var company in question.Companies.Take(3))
                AnswerForCompany(question, company, vector, partVectors, draft, compact: true);
        else
            AnswerForCompany(question, question.Companies.FirstOrDefault(), vector, partVectors, draft, compact: false);
        return draft.Build(request.Question);
    }

    private void AnswerForCompany(ParsedQuestion q, string? company, float[] vector, IReadOnlyList<float[]> partVectors, AnswerDraft draft,
        bool compact)
    {
        var evidence = collector.Collect(q, company, vector);
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
            ArticlesSilent(q, company, $"the articles I have don't report {company} " +
                $"layoffs{PeriodSuffix(q)}.{CoveredPeriods(evidence.CompanyDocuments, company)}", draft);
            return;
        }

        var pool = Pool(evidence, company);
        var answered = false;
        for (var i = 0; i < q.Parts.Count; i++)
        {
            var part = q.Parts[i];
            var context = new FactContext(q.ForPart(part), part, company, pool, ranker, partVectors[i], compact);
            var kinds = _factKinds.Where(k => k.AppliesTo(part)).ToList();
            // A bare "amazon layoffs?" asks for the round in brief: how many and why.
            if (kinds.Count == 0 && part.Focus.Count == 0) kinds = _factKinds.Where(k => k is CountKind or ReasonKind).ToList();
            var outcomes = kinds.Select(k => k.Write(context, draft)).ToList();
            if (outcomes.All(o => o == KindOutcome.Nothing)) outcomes.Add(general.Write(context, draft));
            answered |= outcomes.Contains(KindOutcome.Answered);
        }
        if (!answered) draft.NoAnswer = true;
        // "Latest" answered from the newest articles may still be older than the newest data rows.
        if (!compact && answered && q.AsksLatest && q.Period is null && company is not null
            && evidence.ChosenRound?.Documents.Max(d => d.Published) is { } newestArticle)
            data.TryAnswerNewerRows(company, DateOnly.FromDateTime(newestArticle).AddDays(NewerRowMargin), draft);
        if (!compact && answered && q.Period is null && evidence.OtherRounds.Count > 0 && evidence.ChosenRound is { } chosen)
        {
            var others = evidence.OtherRounds.Where(e => e.Month is not null).Select(e => e.Label).Distinct().Take(3).ToList();
            if (others.Count > 0) draft.Say($"This is about the {chosen.Label} round; the sources also cover {company} layoffs in " +
                $"{string.Join(", ", others)}.");
        }
    }

    /// <summary>Rows within this many days after the newest article are the same round, not a later one.</summary>
    private const int NewerRowMargin = 45;

    private long _learnedRevision = -1;

    /// <summary>The companies the articles are about become names a question can use (once per index revision).</summary>
    private void LearnCompanies()
    {
        var index = retriever.Index;
        if (Interlocked.Exchange(ref _learnedRevision, index.Revision) == index.Revision) return;
        companies.Learn(index.Documents.SelectMany(d => d.Companies));
    }

    /// <summary>Evidence for one side of a comparison: a company in its own period.</summary>
    private FactContext? ContextFor(ParsedQuestion side, float[] vector)
    {
        var company = side.Companies.FirstOrDefault();
        var evidence = collector.Collect(side, company, vector);
        if (company is null || evidence.CompanyDocuments.Count == 0 || evidence.Sentences.Count == 0) return null;
        var part = side.Parts.FirstOrDefault() ?? new QuestionPart(side.Text, []);
        return new FactContext(side, part, company, Pool(evidence, company), ranker, vector, Compact: true);
    }

    /// <summary>Sentences about another company (a passing mention) can't answer for this one.</summary>
    private IReadOnlyList<CandidateSentence> Pool(Evidence evidence, string? company) => company is null
        ? evidence.Sentences
        : evidence.Sentences.Where(s => s.Company.Equals(company, StringComparison.OrdinalIgnoreCase)
            || collector.MentionsCompany(s.Text, company)).ToList();

    /// <summary>
    /// "what did nadella say about the july layoffs?" names no company, but "nadella" occurs only in
    /// articles about Microsoft: a rare word whose every occurrence is in one company's articles names it.
    /// </summary>
    private ParsedQuestion WithImpliedCompany(ParsedQuestion q)
    {
        if (q.Companies.Count > 0 || q.Intent != QuestionIntent.Layoffs || AcrossCompaniesKind.Asks(q.Text)) return q;
        var index = retriever.Index;
        if (index.PassageCount == 0) return q;
        string? implied = null;
        foreach (var term in Text.Tokenizer.Tokenize(q.Text).Where(t => t.Length >= 4 && !char.IsDigit(t[0])).Distinct())
        {
            var documents = index.Lexical.PassagesWith(term).Select(p => index.PassageDocument[p]).Distinct().ToList();
            if (documents.Count == 0) continue;
            var companies = documents.Select(d => index.Documents[d].Companies.FirstOrDefault()).Distinct().ToList();
            if (companies.Count != 1 || companies[0] is null) continue;
            if (implied is not null && implied != companies[0]) return q; // two words point at two companies: don't guess
            implied = companies[0];
        }
        return implied is null ? q : q with
            { Companies = [implied], Scopes = [new CompanyScope(implied, q.Period)], InheritedSubject = true };
    }

    /// <summary>The articles have nothing on this: say so, then give the data rows when there are any.</summary>
    private void ArticlesSilent(ParsedQuestion q, string company, string gap, AnswerDraft draft)
    {
        var wantsFigure = q.Parts.Any(p => _factKinds.OfType<CountKind>().Any(k => k.AppliesTo(p))) || q.Parts.All(p => p.Focus.Count == 0);
        if (wantsFigure && data.TryAnswerCount(q, company, draft))
        {
            // Put the gap first: reorder by saying it before the data sentence already added.
            draft.PrependSay(char.ToUpperInvariant(gap[0]) + gap[1..]);
            return;
        }
        draft.NoAnswer = true;
        draft.Say("I don't know: " + gap);
    }
}
