namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// A kind answered by the sentences that speak of one topic (money, terms for the people let go, which
/// teams were hit, the size of the workforce): a sentence qualifies by the topic's own vocabulary, is
/// ranked by the part's focus and meaning, and the best one to three are quoted under a one-line lead.
/// When no sentence speaks of the topic the kind says so precisely and quotes the nearest thing the
/// sources do say.
/// </summary>
public abstract partial class TopicalKind : IFactKind
{
    [GeneratedRegex(@"\bhow (?:many|long|much) (?<u>weeks|months|days|years)\b", RegexOptions.IgnoreCase)] private static partial Regex
        AskedUnit();

    public abstract string Name { get; }

    /// <summary>How the topic is named in a lead or a decline ("severance or other terms").</summary>
    protected abstract string Topic { get; }

    /// <summary>Whether a question part asks about the topic.</summary>
    protected abstract Regex Cue { get; }

    /// <summary>Words by which a sentence speaks of the topic; the more of them, the better.</summary>
    protected abstract Regex Vocabulary { get; }

    /// <summary>A sentence must have this to qualify at all (a money figure, a head count of the whole workforce, a word at the core of the
    /// topic).</summary>
    protected virtual bool Qualifies(CandidateSentence sentence) => true;

    public virtual bool AppliesTo(QuestionPart part) => Cue.IsMatch(part.Text.ToLowerInvariant());

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        var topical = c.Pool.Where(s => Qualifies(s) && Vocabulary.IsMatch(s.Text)).ToList();
        var ranked = c.Rank(topical, s => 0.25 * Math.Min(3, Vocabulary.Matches(s.Text).Count) + (s.Facts.HasLayoffCue ? 0.15 : 0) + 0.2
            * s.Retrieval);
        if (ranked.Count == 0)
        {
            draft.Say($"I don't know: the articles I have don't state {Topic} for {c.Name}'s layoffs{c.PeriodSuffix}.");
            var nearest = c.Rank(c.Pool).FirstOrDefault();
            if (nearest is not null && !c.Compact) draft.Say($"The nearest they come is [{draft.Quote(nearest.Sentence)}].");
            return KindOutcome.Declined;
        }
        // "How many weeks?" is answered only by a sentence that counts weeks; a total charge does not say it.
        if (AskedUnit().Match(c.Part.Text) is { Success: true } unit
            && !ranked.Take(3).Any(r => Regex.IsMatch(r.Sentence.Text, $@"\b{unit.Groups["u"].Value}\b", RegexOptions.IgnoreCase)))
        {
            draft.Say($"I don't know: the articles I have don't say how many {unit.Groups["u"].Value} for {c.Name}{c.PeriodSuffix}. What " +
                $"they do say: [{draft.Quote(ranked[0].Sentence)}].");
            return KindOutcome.Declined;
        }
        var picked = new List<RankedSentence> { ranked[0] };
        foreach (var r in ranked.Skip(1))
        {
            if (picked.Count == (c.Compact ? 1 : 3)) break;
            // Another sentence adds to the answer when it is nearly as good and not the same words from another outlet.
            if (r.Score < 0.6 * ranked[0].Score) break;
            if (picked.Any(p => Overlaps(p.Sentence.Text, r.Sentence.Text))) continue;
            picked.Add(r);
        }
        draft.Say($"{Lead(c)}: {string.Join("; ", picked.Select(p => draft.Inline(p.Sentence)))}.");
        return KindOutcome.Answered;
    }

    protected virtual string Lead(FactContext c) => $"On {Topic}, the sources on {c.Name}{c.PeriodSuffix} say";

    /// <summary>Two sentences that share most of their words say the same thing (syndicated copy).</summary>
    private static bool Overlaps(string a, string b)
    {
        var x = Text.Tokenizer.Tokenize(a).ToHashSet();
        var y = Text.Tokenizer.Tokenize(b).ToHashSet();
        if (x.Count == 0 || y.Count == 0) return false;
        return x.Intersect(y).Count() >= 0.6 * x.Union(y).Count();
    }
}

/// <summary>"What did they give the people laid off?": severance, pay, health cover, notice, vesting, help finding work.</summary>
public sealed partial class TermsKind : TopicalKind
{
    public override string Name => "terms";
    protected override string Topic => "the severance or other terms";
    protected override Regex Cue => CueRegex();
    protected override Regex Vocabulary => VocabularyRegex();
    // A kind word alone ("help", "transition") is not a term of the layoff: a term names pay, cover, notice or stock.
    protected override bool Qualifies(CandidateSentence s) => CoreRegex().IsMatch(s.Text);

    // One list of the words that name a term, read three ways: a sentence states a term (Core), a question asks
    // for terms (Cue, with "what did they get"), and how much a sentence speaks of terms (Vocabulary).
    private const string TermWords = @"\bseveran\w*|\bpay\b|\bpaid\b|\bpayouts?\b|\bsalar\w*|\bhealth|\binsurance|\bbenefits?\b|\bnotice\b"
        + @"|\bvest\w*|\bstock\b|\bequity\b|\bcompensat\w*|\bpackages?\b|\bbonus\w*|\bgarden leave\b";
    private const string CoreTerms = TermWords + @"|\bweeks? of\b|\bmonths? of\b|\b\d+ days\b";

    [GeneratedRegex(CoreTerms, RegexOptions.IgnoreCase)] private static partial Regex CoreRegex();
    [GeneratedRegex(TermWords + @"|\bwhat (?:do|did|does|will|would)\b.*\b(?:get|give|receive|offer)\w*|\b(?:give|offer|provide)\w* " +
        @"(?:the )?(?:ppl|people|employees|staff|workers)\b|\bterms\b", RegexOptions.IgnoreCase)] private static partial Regex CueRegex();
    [GeneratedRegex(CoreTerms + @"|\bweeks?\b|\bmonths\b|\btransition|\bimmigration|\bvisa|\bjob search|\bnew role|\binternal(?:ly)?\b",
        RegexOptions.IgnoreCase)] private static partial Regex VocabularyRegex();
}

/// <summary>"Which teams were hit?": the divisions, teams, products, offices or kinds of role the cuts fall on.</summary>
public sealed partial class ScopeKind : TopicalKind
{
    public override string Name => "scope";
    protected override string Topic => "which teams or parts of the company were hit";
    protected override Regex Cue => CueRegex();
    protected override Regex Vocabulary => VocabularyRegex();
    protected override bool Qualifies(CandidateSentence s) => s.Facts.HasLayoffCue || NotAffected().IsMatch(s.Text)
        || Closing().IsMatch(s.Text);
    protected override string Lead(FactContext c) => $"Where {c.Name}'s cuts{c.PeriodSuffix} fall, per the sources";

    [GeneratedRegex(@"\b(?:which|what|whose)\b(?: \w+)? (?:teams?|orgs?|organi[sz]ations?|divisions?|groups?|units?|departments?|parts?|" +
        @"businesses|business units?|products?|projects?|offices?|locations?|countries|regions?|functions?|areas?|roles?|jobs|positions|" +
        @"segments?|sites?|labs?)\b|\bwhere\b(?=.*\b(?:cut|layoff|lay off|laid off|job|role|hit|affect|impact|lose|lost|happen|go|went))|" +
        @"\bhit hardest\b|\bmost (?:affected|impacted|hit)\b|\b(?:got|get|were|was|be) (?:hit|affected|impacted)\b|\blost (?:ppl|people|" +
        @"staff|jobs)\b")] private static partial Regex CueRegex();
    [GeneratedRegex(@"\bteams?\b|\borgani[sz]ations?\b|\borgs?\b|\bdivisions?\b|\bgroups?\b|\bunits?\b|\bdepartments?\b|\bbusinesses\b|" +
        @"\bproducts?\b|\bprojects?\b|\boffices?\b|\bfunctions?\b|\bmostly\b|\bmajority\b|\bprimarily\b|\bmainly\b|\bincluding\b|" +
        @"\bacross\b|\bmost (?:impacted|affected)\b|\b(?:impacted|affected)\b|\bin (?:[A-Z][\w&]+,? )+(?:and|&) [A-Z]")] private static
        partial Regex VocabularyRegex();
    [GeneratedRegex(@"\bclos(?:e|es|ed|ing|ure|ures)\b(?!\s+to\b)", RegexOptions.IgnoreCase)] private static partial Regex Closing();
    [GeneratedRegex(@"\bnot\s+(?:be\s+)?(?:affect|impact)\w*|\bspared\b|\bunaffected\b|\bexempt\w*", RegexOptions.IgnoreCase)] private
        static partial Regex NotAffected();
}

/// <summary>"How much are they trying to save?": costs, charges and savings stated as money.</summary>
public sealed partial class MoneyKind : TopicalKind
{
    public override string Name => "money";
    protected override string Topic => "a money figure (costs, charges or savings)";
    protected override Regex Cue => CueRegex();
    protected override Regex Vocabulary => VocabularyRegex();
    protected override bool Qualifies(CandidateSentence s) => MoneyFigure().IsMatch(s.Text);

    [GeneratedRegex(@"\bhow much (?:money|cash)\b|\bsav(?:e|es|ing|ings)\b|\bcosts?\b|\bcharges?\b|\bspend\w*|\bexpens\w*|\bbudget\b|" +
        @"\brestructuring charge|\bimpact on (?:profit|earnings)|\bhow much did it cost\b|\bprofits?\b|\brevenue\b|\$")] private static
        partial Regex CueRegex();
    [GeneratedRegex(@"\bsav\w*|\bcost\w*|\bcharges?\b|\bspend\w*|\bexpens\w*|\bbudget|\bimpact|\bprofit|\brevenue|\breduc\w*|\bbillion\b|" +
        @"\bmillion\b", RegexOptions.IgnoreCase)] private static partial Regex VocabularyRegex();
    [GeneratedRegex(@"[$€£]\s?\d|\b\d[\d,.]*\s?(?:billion|million|bn|mn)\b|\bUS\$|\bRs\.? ?\d", RegexOptions.IgnoreCase)] private static
        partial Regex MoneyFigure();
}

/// <summary>"How many employees does Dell have in total?": the size of the whole workforce, not the cut.</summary>
public sealed partial class WorkforceKind : TopicalKind
{
    public override string Name => "workforce";
    protected override string Topic => "the size of the workforce";
    protected override Regex Cue => CueRegex();
    protected override Regex Vocabulary => VocabularyRegex();
    protected override bool Qualifies(CandidateSentence s) => s.Facts.HeadCounts.Any(h => h.IsTotalWorkforce)
        || CompanySize().IsMatch(s.Text);
    protected override string Lead(FactContext c) => $"{c.Name}'s workforce, per the sources";

    public static bool Asks(string text) => CueRegex().IsMatch(text.ToLowerInvariant());

    [GeneratedRegex(@"\bhow many (?:employees|people|staff|workers|ppl)\b.*\b(?:has|have|had|employ\w*)\b|\b(?:total|whole|entire|" +
        @"overall) (?:workforce|headcount|head count|staff)\b|\bworkforce size\b|\bsize of (?:the|its|their) (?:workforce|company|" +
        @"staff)\b|\bhow big (?:is|was) (?:the company|it|they)\b|\bemployees? (?:in total|overall|altogether)\b|\b(?:has|have|had) in " +
        @"total\b")] private static partial Regex CueRegex();
    [GeneratedRegex(@"\bemployees?\b|\bworkforce\b|\bstaff\b|\bworkers\b|\bheadcount\b|\bemploy\w*|\bpeople\b", RegexOptions.IgnoreCase)]
        private static partial Regex VocabularyRegex();
    [GeneratedRegex(@"\b\d{1,3}(?:,\d{3})+-(?:employee|person|strong|worker)\b|\bworkforce of\b|\bemploy(?:s|ed|ing)\s+(?:about\s+|" +
        @"around\s+|just over\s+|more than\s+|nearly\s+|some\s+|roughly\s+|over\s+)?\d|\btotal (?:employee|staff|workforce|head ?count)|" +
        @"\b(?:has|had|with) (?:about |around |nearly |more than |over |some )?\d{1,3}(?:,\d{3})+ (?:employees|staff|workers|people)\b",
        RegexOptions.IgnoreCase)] private static partial Regex CompanySize();
}
