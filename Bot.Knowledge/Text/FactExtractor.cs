namespace Bot.Knowledge.Text;

/// <summary>
/// Reads the facts a layoff sentence states: head counts with their qualifiers ("up to", "about"),
/// percentages in every spelling ("12%", "12pc", "8 per cent", "seven percent", "a fifth"), dates,
/// people with titles, reason phrases, and who claims the figure (the company, or a report).
/// </summary>
public static partial class FactExtractor
{
    private const string Qualifier =
        @"(?<q>approximately|about|around|roughly|nearly|almost|up to|more than|over|just over|just under|some|at least|as many as|an " +
        @"estimated|close to|fewer than|less than|under|~)";
    private const string Number = @"(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?<k>\s?k\b|\s(?:thousand|million)\b)?";
    private const string HeadNoun =
        @"(?<noun>roles?|jobs?|employees?|positions?|people|persons|staff(?:ers)?|workers?|teammates|layoffs?|lay-offs?|job cuts|cuts|" +
        @"members|personnel|redundancies|Googlers|Stripes|Amazonians|Microsofties|Metamates|heads)";

    [GeneratedRegex(@"(?:\b" + Qualifier + @"\s+)?(?<!\$|£|€|\d[.,]?)\b" + Number
        + @"(?:\s+(?:more|additional|other|corporate|tech|full-time|white-collar|global|salaried|office|support|customer support|" +
        @"[A-Z][a-z]+)){0,2}\s+" + HeadNoun + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadCountPattern();

    // "cut 12,000" / "eliminate about 9,000" / "laying off 10,000" without a noun after the number.
    [GeneratedRegex(@"\b(?:cut(?:ting)?|eliminat(?:e|ing|ed)|lay(?:ing)? off|laid off|let(?:ting)? go(?: of)?|axe|axing|slash(?:ing)?|" +
        @"shed(?:ding)?|sack(?:ing)?|reduc(?:e|ing) (?:its |our |the )?(?:head ?count|workforce|staff) by)\s+(?:\b" + Qualifier + @"\s+)?"
        + Number + @"(?!\s*(?:%|pc\b|per ?cent|percent|million|billion|\d))", RegexOptions.IgnoreCase)]
    private static partial Regex VerbCountPattern();

    [GeneratedRegex(@"(?:\b(?<q>approximately|about|around|roughly|nearly|almost|up to|more than|over|some|at least|close " +
        @"to)\s+)?(?<num>\d+(?:\.\d+)?)\s?(?:%|pc\b|percent\b|per cent\b|per-cent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\b(?:(?<q>approximately|about|around|roughly|nearly|almost)\s+)?(?<word>one|two|three|four|five|six|seven|eight|" +
        @"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-five|thirty|forty|" +
        @"fifty)\s(?:percent|per cent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordPercentPattern();

    [GeneratedRegex(@"\b(?:(?<q>roughly|about|around|nearly|almost)\s+)?(?<frac>a quarter|one quarter|a third|one third|half|a fifth|one " +
        @"fifth|a tenth|one tenth)\s+of\b|\b(?<frac>(?:low |mid |high )?single[- ]digit percentage)", RegexOptions.IgnoreCase)]
    private static partial Regex FractionPattern();

    [GeneratedRegex(@"\b(?:cut|cuts|cutting|eliminat\w*|lay(?:ing)? off|laid off|layoffs?|lay-offs?|let(?:ting)? go|reduc\w*|sack\w*|" +
        @"fir(?:e|ed|ing)\b|axe\w*|slash\w*|redundan\w*|job losses|drop(?:ped|ping)?\b|trim\w*|shed\w*|lost (?:their )?jobs|lose " +
        @"(?:their )?jobs|losing (?:their )?jobs|impact\w*|affect\w*|leave|leaving|depart\w*|part ways|restructur\w*|downsiz\w*|" +
        @"headcount|workforce)", RegexOptions.IgnoreCase)]
    private static partial Regex LayoffCue();

    [GeneratedRegex(@"(?:out of(?: our| its| the)?|total(?: workforce)?(?: of)?|employs|employed|employing|workforce of|headcount of|" +
        @"head count of|staff of|a team of|had|has|have|from|with|of (?:its|our|their|the company['’]s)|['’]s)\s+(?:about |around |" +
        @"approximately |roughly |more than |over |nearly |some )?$", RegexOptions.IgnoreCase)]
    private static partial Regex TotalBefore();

    /// <summary>A hypothetical or speculative sentence ("even a 1 per cent cut would affect ...", "may", "if").</summary>
    public static bool IsSpeculative(string sentence) => Speculative().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:may|might|could|suggests?|speculat\w*|rumou?r\w*|if|even a)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Speculative();

    [GeneratedRegex(@"[,;](?!\d)|(?<!\d),")]
    private static partial Regex ClauseSeparator();

    [GeneratedRegex(@"\bAI\b")]
    private static partial Regex AiWord();

    [GeneratedRegex(@"\b(?:Reuters|Bloomberg|CNBC|The Information|Wall Street Journal|WSJ|New York Times|Financial Times|Business " +
        @"Insider|The Verge|TechCrunch|Axios|Fortune|Semafor)\b")]
    private static partial Regex Outlet();

    [GeneratedRegex(@"\b(?:reported|reports|reportedly|according to|sources|people familiar|familiar with the matter|rumou?r\w*|citing)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ReportCue();

    [GeneratedRegex(@"\b(?:confirm\w*|announc\w*|memo|letter|email|e-mail|blog post|note to (?:staff|employees)|wrote|told (?:staff|" +
        @"employees)|statement|said in|message)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyCue();

    /// <summary>
    /// Words that give a reason, how strongly, and which kind of reason they are (so an answer can cover
    /// different kinds rather than one reason twice). "ai" is matched separately, as the word "AI".
    /// </summary>
    private static readonly (string Cue, double Weight, string Theme)[] ReasonCues =
    [
        // cause: the grammar of giving a reason
        ("because", 2, "cause"), ("due to", 2, "cause"), ("as a result", 1.5, "cause"), ("in response to", 2, "cause"),
            ("reason", 2, "cause"),
        ("why", 1.5, "cause"), ("blame", 2, "cause"), ("cited", 1.5, "cause"), ("driven by", 2, "cause"), ("owing to", 2, "cause"),
        ("amid", 1, "cause"), ("so that", 1, "cause"), ("in order to", 1, "cause"), ("in an effort to", 2, "cause"),
            ("necessary", 1.5, "cause"),
        ("aimed at", 1.5, "cause"), ("attribut", 2, "cause"), ("aims to", 1, "cause"), ("to stay", 1, "cause"), ("to ensure", 0.5, "cause"),
            ("goal", 1, "cause"),
        // ai: the technology given as the reason
        ("artificial intelligence", 2.5, "ai"), ("generative", 2, "ai"), ("automat", 2, "ai"), ("agents", 1.5, "ai"),
            ("machine learning", 2, "ai"),
        ("technolog", 1, "ai"),
        // structure: how the company is organised
        ("efficien", 2, "structure"), ("bureaucra", 3, "structure"), ("layer", 2.5, "structure"), ("lean", 1.5, "structure"),
            ("restructur", 1.5, "structure"),
        ("reorganiz", 1.5, "structure"), ("reorganis", 1.5, "structure"), ("realign", 1.5, "structure"), ("simplif", 2, "structure"),
        ("streamlin", 2, "structure"), ("flatten", 2, "structure"), ("complexity", 2, "structure"), ("duplicat", 1.5, "structure"),
            ("agil", 1.5, "structure"),
        // economy: the market around the company
        ("economic", 2, "economy"), ("downturn", 2.5, "economy"), ("slowdown", 2, "economy"), ("inflat", 2, "economy"),
            ("interest rate", 2, "economy"),
        ("recession", 2, "economy"), ("uncertain", 1.5, "economy"), ("headwind", 2, "economy"), ("competit", 2, "economy"),
            ("advertis", 1.5, "economy"),
        ("market conditions", 2.5, "economy"), ("demand", 1, "economy"), ("environment", 1, "economy"), ("challeng", 1, "economy"),
        // overexpansion: growing or hiring more than the business then needed
        ("overhir", 3, "overexpansion"), ("over-hir", 3, "overexpansion"), ("hired too", 3, "overexpansion"),
            ("hiring too", 3, "overexpansion"),
        ("grew too", 2, "overexpansion"), ("too quickly", 2, "overexpansion"), ("too fast", 2, "overexpansion"),
            ("optimis", 2, "overexpansion"),
        ("misjudg", 3, "overexpansion"), ("mistake", 2, "overexpansion"), ("wrong", 2, "overexpansion"), ("ambitio", 2, "overexpansion"),
        ("tailwind", 1.5, "overexpansion"), ("pandemic", 1.5, "overexpansion"), ("covid", 1.5, "overexpansion"),
            ("growth", 1, "overexpansion"),
        ("outpac", 2, "overexpansion"), ("ahead of", 1, "overexpansion"),
        // costs: money and priorities
        ("revenue", 1, "costs"), ("costs", 1.5, "costs"), ("cost", 1, "costs"), ("priorit", 1.5, "costs"), ("focus", 1, "costs"),
        ("strategic", 1, "costs"), ("investments", 1, "costs"), ("invest", 1, "costs"), ("profit", 1, "costs"), ("margin", 1, "costs"),
        ("spending", 1, "costs"), ("saving", 1, "costs"),
    ];

    private static readonly Dictionary<string, string> ThemeByCue = ReasonCues.ToDictionary(c => c.Cue.Trim(), c => c.Theme);

    /// <summary>The kind of reason a cue word gives: ai, structure, economy, overexpansion, costs or cause.</summary>
    public static string ThemeOf(string cue) => cue == "ai" ? "ai" : ThemeByCue.GetValueOrDefault(cue, "cause");


    [GeneratedRegex(@"\b(?<title>(?i:(?:co-)?(?:founder and )?(?:CEO|COO|CFO|CTO|CPO|chief(?: \w+){1,3} officer|chief executive(?: " +
        @"officer)?|vice chair(?:man)?|president|chairman|(?:senior |executive )?vice president(?: of [A-Z][\w ]+?)?|SVP|EVP|head of [\w " +
        @"]+?|founder|co-founder)))\s+(?<name>[A-Z][a-z]+(?:\s[A-Z][a-zö']+){1,2})\b")]
    private static partial Regex TitleThenName();

    [GeneratedRegex(@"\b(?<name>[A-Z][a-z]+(?:\s[A-Z][a-zö']+){1,2}),\s+(?<title>(?:[A-Z][\w.]*(?:’s|'s)\s+)?(?:the (?:company|" +
        @"organization|organisation)(?:’s|'s)\s+)?(?:[\w-]+\s+){0,4}?(?:CEO|COO|CFO|chief[\w\s-]*?officer|chief executive|vice " +
        @"chair(?:man)?|president|chairman|founder|co-founder|head))\b")]
    private static partial Regex NameThenTitle();

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
        { "The Company", "In A", "The Washington", "Senior Vice", "Chief Executive", "Vice President" };

    public static SentenceFacts Extract(string sentence)
    {
        var heads = new List<HeadCount>();
        foreach (Match m in HeadCountPattern().Matches(sentence)) AddHead(heads, sentence, m);
        foreach (Match m in VerbCountPattern().Matches(sentence)) AddHead(heads, sentence, m);

        var percents = new List<PercentFigure>();
        foreach (Match m in PercentPattern().Matches(sentence))
            percents.Add(new PercentFigure(new TextSpan(m.Index, m.Index + m.Length), m.Value,
                double.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture)));
        foreach (Match m in WordPercentPattern().Matches(sentence))
            percents.Add(new PercentFigure(new TextSpan(m.Index, m.Index + m.Length), m.Value, WordNumber(m.Groups["word"].Value)));
        foreach (Match m in FractionPattern().Matches(sentence))
            percents.Add(new PercentFigure(new TextSpan(m.Index, m.Index + m.Length), m.Value, Fraction(m.Groups["frac"].Value)));

        // The percentage nearest a layoff word is the one about the cut ("a third of its staff are in India" is not).
        var cuePositions = LayoffCue().Matches(sentence).Select(c => c.Index).ToList();
        if (cuePositions.Count > 0)
            percents = percents.OrderBy(p => cuePositions.Min(c => Math.Abs(c - p.Span.Start))).ToList();
        var lower = " " + sentence.ToLowerInvariant() + " ";
        var cues = ReasonCues.Where(c => lower.Contains(c.Cue, StringComparison.Ordinal)).ToList();
        if (AiWord().IsMatch(sentence)) cues.Add(("ai", 2, "ai")); // upper-case "AI" as a word; "ai" inside "aims" is not AI
        var outlet = Outlet().Match(sentence);
        var reported = ReportCue().IsMatch(sentence);
        var claimant = reported && outlet.Success ? Claimant.Report
            : CompanyCue().IsMatch(sentence) ? Claimant.Company
            : reported ? Claimant.Report : Claimant.Unknown;

        return new SentenceFacts(heads, percents, DateExpressions.Find(sentence), People(sentence),
            cues.Sum(c => c.Weight), cues.Select(c => c.Cue.Trim()).ToList(), claimant,
            claimant == Claimant.Report && outlet.Success ? outlet.Value : null, LayoffCue().IsMatch(sentence));
    }

    private static void AddHead(List<HeadCount> heads, string sentence, Match m)
    {
        var span = new TextSpan(m.Index, m.Index + m.Length);
        if (heads.Any(h => h.Span.Start < span.End && span.Start < h.Span.End)) return;
        var numberText = m.Groups["num"].Value;
        var value = double.Parse(numberText.Replace(",", ""), CultureInfo.InvariantCulture);
        var k = m.Groups["k"].Value.Trim().ToLowerInvariant();
        value *= k switch { "k" or "thousand" => 1000, "million" => 1_000_000, _ => 1 };
        if (value < 2 || value is >= 1900 and <= 2100 && !numberText.Contains(',') && k.Length == 0) return; // years, "1 person"
        var before = sentence[..m.Index];
        var beforeWindow = before[Math.Max(0, before.Length - 45)..];
        var noun = m.Groups["noun"].Success ? m.Groups["noun"].Value.ToLowerInvariant() : "";
        var peopleNoun = noun is "employees" or "employee" or "staff" or "staffers" or "workers" or "people" or "persons" or "personnel" or
            "teammates" or "members";
        var totalCue = TotalBefore().Match(before);
        // "Twitter's 7,500 employees", "of its 270,000 employees", "with 270,000 employees" are the whole workforce;
        // "Amazon's 14,000 job cuts" is not.
        var weakCue = totalCue.Success && Regex.IsMatch(totalCue.Value, @"^(?:with|of |['’]s)", RegexOptions.IgnoreCase);
        var total = totalCue.Success && (!weakCue || peopleNoun)
            && !Regex.IsMatch(beforeWindow, @"reduc|cut|eliminat|lay", RegexOptions.IgnoreCase);
        // The clause starts after the last comma or semicolon that is punctuation, not a digit group's comma ("4,000 and 6,000 jobs").
        var clauseStart = Math.Max(0, ClauseSeparator().Matches(before).LastOrDefault()?.Index ?? 0);
        var after = sentence[(m.Index + m.Length)..];
        var clause = sentence[clauseStart..] is var rest ? rest[..Math.Min(rest.Length, (m.Index - clauseStart) + m.Length + 80)] : "";
        var layoff = LayoffCue().IsMatch(clause) || LayoffCue().IsMatch(m.Value)
            || LayoffCue().IsMatch(after[..Math.Min(after.Length, 60)]);
        var q = m.Groups["q"].Success ? m.Groups["q"].Value : null;
        var fullNumber = numberText + (m.Groups["k"].Success ? m.Groups["k"].Value : "");
        heads.Add(new HeadCount(span, m.Value, fullNumber, (long)value, q, layoff, total));
    }

    private static IReadOnlyList<PersonMention> People(string sentence)
    {
        var people = new List<PersonMention>();
        foreach (Match m in TitleThenName().Matches(sentence)) Add(m.Groups["name"].Value, m.Groups["title"].Value);
        foreach (Match m in NameThenTitle().Matches(sentence)) Add(m.Groups["name"].Value, m.Groups["title"].Value);
        return people;

        void Add(string name, string title)
        {
            name = name.Trim();
            if (NotNames.Contains(name) || people.Any(p => p.Name == name)) return;
            if (DateExpressions.TryMonth(name.Split(' ')[0], out _)) return;
            people.Add(new PersonMention(name, title.Trim()));
        }
    }

    private static double WordNumber(string word) => word.ToLowerInvariant() switch
    {
        "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        "eleven" => 11, "twelve" => 12, "thirteen" => 13, "fourteen" => 14, "fifteen" => 15, "sixteen" => 16, "seventeen" => 17,
        "eighteen" => 18, "nineteen" => 19, "twenty" => 20, "twenty-five" => 25, "thirty" => 30, "forty" => 40, "fifty" => 50, _ => 0,
    };

    private static double Fraction(string frac) => frac.ToLowerInvariant() switch
    {
        "a quarter" or "one quarter" => 25, "a third" or "one third" => 33.3, "half" => 50, "a fifth" or "one fifth" => 20,
        var f when f.Contains("single") => f.StartsWith("low") ? 2 : f.StartsWith("high") ? 8 : 5,
        _ => 10,
    };
}
