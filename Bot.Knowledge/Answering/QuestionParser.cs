namespace Bot.Knowledge.Answering;

/// <summary>
/// Understands loosely typed questions ("msft layoffs may 2025 how many?"): what the message is (a
/// layoff question, a greeting or help request, a question about recent layoffs), the companies
/// (aliases, one-letter typos) with the period named beside each, the periods ("jan 2023", "nov 22",
/// "last October", "this year" on the injected clock), and its parts ("how many, and why?").
/// Which kinds of fact a part asks for is decided by the answer kinds themselves (<see cref="Kinds.IFactKind"/>).
/// Follow-ups without a subject take it from the thread.
/// </summary>
public sealed partial class QuestionParser(CompanyCatalog companies, TimeProvider time)
{
    /// <summary>
    /// Words that carry no focus of their own in a layoff question: question words, the vocabulary of
    /// layoffs in general, and chat filler. What remains of a part is what it is specifically about.
    /// </summary>
    private static readonly HashSet<string> NotFocus = new(
        ("how many much what which who whose why when where did does do was were is are has have had will would should can could " +
         "layoff layoffs lay laid off cut cuts cutting job jobs role roles people ppl person persons employee employees staff staffer " +
             "worker workers " +
         "workforce headcount company companies firm firms round rounds elimination eliminate eliminated fire fired let go redundancy " +
         "announce announced happen happened say said tell told know think mean really actually exactly total altogether together so far " +
             "too also " +
         "etc lol pls please thing things guy guys one ones big bigger biggest small smaller smallest first second third last latest " +
             "before after " +
         "same figure figures number numbers name date dates get got this that there then now ever just hey hi bot tech")
            .Split(' ').Select(Tokenizer.Stem),
        StringComparer.Ordinal);

    public ParsedQuestion Parse(string question, IReadOnlyList<ConversationTurn>? history = null)
    {
        var text = question.Trim();
        var lower = text.ToLowerInvariant();
        var located = companies.LocateInQuestion(text);
        var found = located.Select(l => l.Company).ToList();
        var periods = ParsePeriods(lower);
        var period = periods.FirstOrDefault();
        var inherited = false;
        var intent = IntentOf(text, lower, found.Count > 0, period is not null);
        // In a thread, "and why?" continues the conversation: it is a layoff question about the thread's subject.
        if (intent == QuestionIntent.Help && history is { Count: > 0 } && QuestionWord().IsMatch(lower) && !SmallTalk().IsMatch(lower)
            && IsReadable(text))
            intent = QuestionIntent.Layoffs;

        if (intent == QuestionIntent.Layoffs && history is { Count: > 0 } && (found.Count == 0 || period is null))
        {
            // "and why?" after "how many roles did Amazon cut in 2023?" keeps Amazon and 2023.
            var previous = history[^1].Question;
            var previousCompanies = companies.FindInQuestion(previous);
            if (found.Count == 0 && previousCompanies.Count > 0 && !Kinds.AcrossCompaniesKind.Asks(lower))
            {
                found = [.. previousCompanies];
                inherited = true;
                period ??= ParsePeriods(previous.ToLowerInvariant()).FirstOrDefault();
                if (period is not null && periods.Count == 0) periods = [period];
            }
        }

        var companyWords = found.SelectMany(c => c.ToLowerInvariant().Split(' '))
            .Concat(located.Select(l => WordAt(lower, l.Index))).ToHashSet();
        var topic = Tokenizer.Tokenize(lower).Where(t => !companyWords.Contains(t) && !Questionwords.Contains(t)).ToList();
        var parts = SplitParts(text).Select(p => PartOf(p, companyWords)).ToList();
        return new ParsedQuestion
        {
            Text = text,
            Intent = intent,
            Companies = found,
            Scopes = ScopesOf(lower, inherited ? [] : located, period),
            Period = period,
            Periods = periods,
            Topic = topic,
            Parts = parts.Count > 0 ? parts : [PartOf(text, companyWords)],
            InheritedSubject = inherited,
            AsksLatest = Recency().IsMatch(lower),
            Round = RoundOf(lower),
        };
    }

    private static readonly string[] Questionwords =
        ["how", "many", "much", "what", "which", "who", "why", "when", "did", "does", "do", "was", "were", "is", "are"];

    /// <summary>The focus words of a part: stemmed content words minus companies, periods and <see cref="NotFocus"/>.</summary>
    public static IReadOnlyList<string> FocusOf(string part, IReadOnlySet<string> companyWords)
    {
        var withoutPeriods = PeriodWords().Replace(part.ToLowerInvariant(), " ");
        return Tokenizer.Tokenize(withoutPeriods)
            .Where(t => !companyWords.Contains(t) && !NotFocus.Contains(t) && !char.IsDigit(t[0]) && t.Length > 1)
            .Distinct().ToList();
    }

    private static QuestionPart PartOf(string text, IReadOnlySet<string> companyWords)
    {
        var focus = FocusOf(text, companyWords);
        var qualifiers = Qualifier().Matches(text.ToLowerInvariant()).Select(m => Tokenizer.Stem(m.Groups["w"].Value))
            .Where(focus.Contains).Distinct().ToList();
        return new QuestionPart(text, focus) { Qualifiers = qualifiers };
    }

    private static string WordAt(string text, int index)
    {
        var end = index;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '.')) end++;
        return Tokenizer.Stem(text[index..end].TrimEnd('.'));
    }

    /// <summary>
    /// Splits "how many roles and which orgs took most of it" into its questions: at question marks and
    /// at "and"/"+"/","/"vs" where a new question word starts. A fragment with no question word of its own
    /// ("severance, healthcare etc") stays with the part before it, as more of its focus.
    /// </summary>
    private static List<string> SplitParts(string text)
    {
        var pieces = new List<string>();
        foreach (var sentence in QuestionEnd().Split(text).Select(s => s.Trim(' ', '-', '–', '—', ':')).Where(s => s.Length > 0))
        {
            var last = 0;
            foreach (Match m in PartBreak().Matches(sentence))
            {
                if (m.Index - last < 6) continue;
                pieces.Add(sentence[last..m.Index].Trim(' ', ',', '-', '+', '&'));
                last = m.Index + m.Groups["joint"].Length;
            }
            pieces.Add(sentence[last..].Trim(' ', ',', '-', '+', '&'));
        }
        var parts = new List<string>();
        foreach (var piece in pieces.Where(p => p.Length > 0))
        {
            if (parts.Count > 0 && !QuestionWord().IsMatch(piece)) parts[^1] = parts[^1] + " " + piece;
            else parts.Add(piece);
        }
        return parts;
    }

    private static QuestionIntent IntentOf(string text, string lower, bool namesCompany, bool namesPeriod)
    {
        if (!IsReadable(text)) return QuestionIntent.Help;
        if (namesCompany) return QuestionIntent.Layoffs;
        if (Recency().IsMatch(lower) && !namesPeriod) return QuestionIntent.Recency;
        if (SmallTalk().IsMatch(lower) && !LayoffWords().IsMatch(lower)) return QuestionIntent.Help;
        if (!LayoffWords().IsMatch(lower) && !namesPeriod) return QuestionIntent.Help;
        return QuestionIntent.Layoffs;
    }

    /// <summary>"the second round", "the last round", "after the March round", "before the march cuts".</summary>
    private static RoundReference? RoundOf(string lower)
    {
        var ordinal = OrdinalRound().Match(lower);
        if (ordinal.Success)
            return new RoundReference(ordinal.Groups["o"].Value switch
            {
                "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, "fourth" or "4th" => 4, _ => -1,
            }, null, null);
        var relative = RelativeRound().Match(lower);
        if (relative.Success && DateExpressions.TryMonth(relative.Groups["m"].Value, out var month))
            return relative.Groups["rel"].Value is "after" or "following" or "since" ? new RoundReference(null, month, null)
                : new RoundReference(null, null, month);
        return null;
    }

    /// <summary>Another script, only punctuation, or nothing to read: the engine cannot understand it.</summary>
    private static bool IsReadable(string text)
    {
        var letters = text.Count(char.IsLetter);
        var latin = text.Count(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F');
        return letters > 0 && latin >= letters * 0.6;
    }

    /// <summary>Each company with the period written between it and the next company ("airbnb (2020) and twitter (2022)").</summary>
    private List<CompanyScope> ScopesOf(string lower, IReadOnlyList<(string Company, int Index)> located, QuestionPeriod? whole)
    {
        var scopes = new List<CompanyScope>();
        for (var i = 0; i < located.Count; i++)
        {
            var end = i + 1 < located.Count ? located[i + 1].Index : lower.Length;
            var own = ParsePeriods(lower[located[i].Index..end]).FirstOrDefault();
            scopes.Add(new CompanyScope(located[i].Company, own ?? (located.Count == 1 ? whole : null)));
        }
        // When only some companies name a period, the others share the question's period.
        return scopes.Select(s => s.Period is null ? s with { Period = whole } : s).ToList();
    }

    /// <summary>Every period a question names, in the order written (the most specific reading of each stretch).</summary>
    public IReadOnlyList<QuestionPeriod> ParsePeriods(string q)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var found = new List<(int Index, int Length, QuestionPeriod Period)>();
        void Add(Match m, QuestionPeriod p)
        {
            if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length)) return;
            found.Add((m.Index, m.Length, p));
        }
        foreach (Match m in QuarterPattern().Matches(q))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var n = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            var from = new DateTime(y, (n - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
            Add(m, new QuestionPeriod(from, from.AddMonths(3), $"Q{n} {y}"));
        }
        foreach (Match m in MonthYearPattern().Matches(q))
        {
            if (!DateExpressions.TryMonth(m.Groups["m"].Value, out var month)) continue;
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (y < 100) y += 2000;
            if (y > now.Year + 1) continue; // "july 30" is a day, not the year 2030
            Add(m, MonthPeriod(y, month));
        }
        foreach (Match m in RelativeMonthPattern().Matches(q))
        {
            if (!DateExpressions.TryMonth(m.Groups["m"].Value, out var rm)) continue;
            var rel = m.Groups["rel"].Value;
            var y = rel == "this" ? now.Year : (rm < now.Month ? now.Year : now.Year - 1);
            if (rel == "last" && rm == now.Month) y = now.Year - 1;
            Add(m, MonthPeriod(y, rm));
        }
        foreach (Match m in ThisYear().Matches(q)) Add(m, YearPeriod(now.Year));
        foreach (Match m in LastYear().Matches(q)) Add(m, YearPeriod(now.Year - 1));
        foreach (Match m in SincePattern().Matches(q))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            Add(m, new QuestionPeriod(new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc), now.Date.AddDays(1), $"since {y}"));
        }
        var years = YearPattern().Matches(q).Where(m
            => found.All(f => m.Index >= f.Index + f.Length || f.Index >= m.Index + m.Length)).ToList();
        if (years.Count >= 2 && RangeCue().IsMatch(q))
        {
            // "2022-2024", "between 2022 and 2024": one span, not two years.
            var ys = years.Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Order().ToList();
            Add(years[0], new QuestionPeriod(new DateTime(ys[0], 1, 1, 0, 0, 0, DateTimeKind.Utc),
                new DateTime(ys[^1] + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc), $"{ys[0]}–{ys[^1]}"));
        }
        else
            foreach (var m in years) Add(m, YearPeriod(int.Parse(m.Value, CultureInfo.InvariantCulture)));
        return found.OrderBy(f => f.Index).Select(f => f.Period).DistinctBy(p => (p.From, p.To)).ToList();
    }

    private static QuestionPeriod MonthPeriod(int year, int month)
    {
        var from = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new QuestionPeriod(from, from.AddMonths(1), from.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
    }

    private static QuestionPeriod YearPeriod(int year) =>
        new(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            year.ToString(CultureInfo.InvariantCulture));

    private const string MonthWord =
        @"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|" +
        @"dec(?:ember)?";

    [GeneratedRegex(@"\?+|(?<=[a-z])\.\s|\n")] private static partial Regex QuestionEnd();
    [GeneratedRegex(@"(?<joint>\s*(?:,\s*and|,|\band|\+|&|;)\s+)(?=(?:how|what|which|who|whose|when|why|where|is|was|were|did|does|do|" +
        @"are|has|had)\b)", RegexOptions.IgnoreCase)] private static partial Regex PartBreak();
    [GeneratedRegex(@"^\s*(?:and\s+)?(?:how|what|which|who|whose|when|why|where|is|was|were|did|does|do|are|has|had|any|can|could|will|" +
        @"would|should|name|list|tell|give|show|compare)\b|\b(?:how|what|which|who|whose|when|why|where)\b", RegexOptions.IgnoreCase)]
        private static partial Regex QuestionWord();
    [GeneratedRegex(@"^\W*(?:hi+|hello|hey+|yo|hiya|howdy|sup|good (?:morning|afternoon|evening)|thanks?|thank you|thx|ty|cheers|help|\?|" +
        @"what can you do|what do you do|who are you|what are you|how does this work|how do i use)\b")] private static partial Regex
        SmallTalk();
    [GeneratedRegex(@"\blay ?offs?\b|\blaid off\b|\blaying off\b|\bcut|\bjobs?\b|\broles?\b|\bfir(?:e|ed|ing)\b|\bredundan|\bseveran|" +
        @"\bhiring|\bhead ?count|\bworkforce|\bstaff|\bemployee|\bworkers?\b|\bppl\b|\bpeople\b|\bwarn\b|\brestructur|\bdownsiz|\bmemo\b|" +
        @"\bceo\b|%|\bpercent|\bcompan|\btech\b|\bsack|\baxe|\beliminat|\brif\b|\breorg", RegexOptions.IgnoreCase)] private static partial
        Regex LayoffWords();
    [GeneratedRegex(@"\b(?:latest|most recent|recent(?:ly)?|lately|this week|last week|past week|this month|last month|past month|today|" +
        @"yesterday|right now|currently|new layoffs|any (?:new )?layoffs)\b")] private static partial Regex Recency();
    [GeneratedRegex(@"\b(?:in|at|from|within|based in)\s+(?:the\s+|its\s+|their\s+)?(?<w>[a-z][\w-]{2,})\b|\b(?<w>[a-z][\w-]{2," +
        @"})\s+(?:office|offices|site|plant|factory|campus|team|teams|division|unit|org|department|lab|studio)\b")] private static partial
        Regex Qualifier();
    [GeneratedRegex(@"\b(?:the|its|their|a|an)\s+(?<o>first|second|third|fourth|1st|2nd|3rd|4th|last|latest|final)\s+(?:layoff\s+|" +
        @"job\s+)?(?:round|wave|batch)\b")] private static partial Regex OrdinalRound();
    [GeneratedRegex(@"\b(?<rel>after|following|since|before|preceding)\s+(?:the|its)\s+(?<m>" + MonthWord
        + @")\s+(?:round|layoffs?|cuts?|wave)\b")] private static partial Regex RelativeRound();
    [GeneratedRegex(@"\bq(?<q>[1-4])\s*(?<y>(?:19|20)\d\d)\b")] private static partial Regex QuarterPattern();
    [GeneratedRegex(@"\b(?<m>" + MonthWord
        + @")\.?,?\s+(?:(?<y>(?:19|20)\d\d)\b|['’]?(?<y>\d\d)\b(?!\s*[,:]?\s*\d|\s*(?:am|pm|st|nd|rd|th)\b))")] private static partial Regex
        MonthYearPattern();
    [GeneratedRegex(@"\b(?<rel>last|this|in)\s+(?<m>january|february|march|april|june|july|august|september|october|november|december|" +
        @"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")] private static partial Regex RelativeMonthPattern();
    [GeneratedRegex(@"\bthis year\b|\bso far this year\b|\byear to date\b|\bytd\b")] private static partial Regex ThisYear();
    [GeneratedRegex(@"\blast year\b")] private static partial Regex LastYear();
    [GeneratedRegex(@"\bsince\s+(?<y>(?:19|20)\d\d)\b")] private static partial Regex SincePattern();
    [GeneratedRegex(@"\b(?:19|20)\d\d\b")] private static partial Regex YearPattern();
    [GeneratedRegex(@"\b(?:19|20)\d\d\s*(?:-|–|to|through|until)\s*(?:19|20)\d\d\b|\bbetween\s+(?:19|20)\d\d\s+and\b|\bfrom\s+(?:19|" +
        @"20)\d\d\b")] private static partial Regex RangeCue();
    [GeneratedRegex(@"\b(?:q[1-4]|(?:19|20)\d\d|" + MonthWord
        + @"|['’]\d\d|this year|last year|year to date|ytd|fall|autumn|spring|summer|winter)\b")] private static partial Regex
        PeriodWords();
}
