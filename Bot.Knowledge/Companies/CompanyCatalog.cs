namespace Bot.Knowledge.Companies;

/// <summary>
/// Canonical company names and their aliases and former names (Meta/Facebook, Google/Alphabet,
/// Twitter/X, Microsoft/MSFT, Amazon/AWS), shared by articles, questions and data rows.
/// Questions tolerate a one-letter typo in names of five letters or more ("Microsfot", "shopfy").
/// </summary>
public sealed partial class CompanyCatalog
{
    /// <summary>
    /// The one alias table: questions and articles are matched against it here, and data files' employer
    /// names through <see cref="EmployerNameNormalizer"/>, which reads the same table.
    /// </summary>
    internal static readonly (string Canonical, string[] Aliases)[] BuiltIn =
    [
        ("Amazon", ["amazon", "aws", "amazon web services", "amazon.com"]),
        ("Meta", ["meta", "facebook", "fb", "meta platforms"]),
        ("Google", ["google", "alphabet"]), ("Apple", ["apple", "apple computer"]),
        ("Microsoft", ["microsoft", "msft"]),
        ("Twitter", ["twitter", "x corp", "x.com"]),
        ("Salesforce", ["salesforce"]), ("Stripe", ["stripe"]), ("Spotify", ["spotify"]), ("Intel", ["intel"]),
        ("Dell", ["dell", "dell technologies"]), ("IBM", ["ibm", "international business machines", "international business machine"]),
            ("Shopify", ["shopify"]), ("Airbnb", ["airbnb"]),
        ("Netflix", ["netflix"]), ("Tesla", ["tesla"]), ("Oracle", ["oracle"]), ("Cisco", ["cisco", "cisco systems"]),
        ("SAP", ["sap"]), ("PayPal", ["paypal"]), ("Uber", ["uber"]), ("Lyft", ["lyft"]), ("Snap", ["snap", "snapchat"]),
        ("Zoom", ["zoom"]), ("Coinbase", ["coinbase"]), ("Nvidia", ["nvidia"]),
            ("HP", ["hp", "hewlett-packard", "hewlett packard", "hp inc"]),
        ("Hewlett Packard Enterprise", ["hpe", "hewlett packard enterprise"]),
        ("Block", ["block inc", "square"]), ("Robinhood", ["robinhood"]), ("Peloton", ["peloton"]), ("Zillow", ["zillow"]),
        ("Workday", ["workday"]), ("Intuit", ["intuit"]), ("Adobe", ["adobe"]), ("eBay", ["ebay"]), ("LinkedIn", ["linkedin"]),
        ("Twilio", ["twilio"]), ("Okta", ["okta"]), ("Unity", ["unity software"]), ("Rivian", ["rivian"]), ("AMD", ["amd"]),
        ("Qualcomm", ["qualcomm"]), ("Micron", ["micron"]), ("Dropbox", ["dropbox"]), ("Atlassian", ["atlassian"]),
        ("GitHub", ["github"]), ("Yahoo", ["yahoo"]), ("Accenture", ["accenture"]), ("Infosys", ["infosys"]),
            ("TCS", ["tcs", "tata consultancy services"]),
        ("Wipro", ["wipro"]), ("Byju's", ["byju's", "byjus"]), ("Chegg", ["chegg"]), ("Indeed", ["indeed"]), ("Wayfair", ["wayfair"]),
        ("DoorDash", ["doordash"]), ("Instacart", ["instacart"]), ("Pinterest", ["pinterest"]), ("Reddit", ["reddit"]),
        ("Disney", ["disney"]), ("Ford", ["ford"]), ("Siemens", ["siemens"]), ("Ericsson", ["ericsson"]), ("Nokia", ["nokia"]),
        ("Philips", ["philips"]), ("Vimeo", ["vimeo"]), ("Grubhub", ["grubhub"]), ("Carvana", ["carvana"]), ("Redfin", ["redfin"]),
        ("Klarna", ["klarna"]), ("Bolt", ["bolt"]), ("Zendesk", ["zendesk"]), ("HubSpot", ["hubspot"]), ("VMware", ["vmware"]),
        ("Broadcom", ["broadcom"]), ("Samsung", ["samsung"]), ("Sony", ["sony"]), ("PlayStation", ["playstation"]),
        ("Electronic Arts", ["electronic arts"]), ("Activision Blizzard", ["activision", "blizzard"]), ("Epic Games", ["epic games"]),
        ("Layoffs.fyi", ["layoffs.fyi"]),
    ];

    /// <summary>
    /// How data files also write a known alias ("Amazoncom" for amazon.com): each spelling names the company its
    /// alias names. Used for data rows, where such spellings occur; questions and articles use <see cref="BuiltIn"/>.
    /// </summary>
    internal static readonly (string Alias, string[] Spellings)[] DataSpellings =
    [
        ("amazon.com", ["amazoncom", "amazonfresh"]), ("salesforce.com", ["salesforcecom"]),
    ];

    // Words that look like aliases but are ordinary English in questions ("a quarter of staff", "block").
    private static readonly HashSet<string> AmbiguousInLowerCase =
        ["square", "snap", "zoom", "block inc", "bolt", "unity software", "indeed", "ford", "apple", "meta", "oracle", "hp", "sap", "tcs",
        "uber", "x corp"];

    private readonly Lock _learnLock = new();
    // Replaced whole (never mutated in place) so readers on other threads always see a consistent pair.
    private sealed record Names(Dictionary<string, string> AliasToCanonical, Regex Mentions);
    private volatile Names _names;

    public CompanyCatalog()
    {
        var aliasToCanonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (canonical, aliases) in BuiltIn)
        {
            aliasToCanonical[canonical] = canonical;
            foreach (var alias in aliases) aliasToCanonical[alias] = canonical;
        }
        _names = new Names(aliasToCanonical, BuildRegex(aliasToCanonical));
    }

    /// <summary>
    /// Adds the companies the knowledge base has articles about (their front matter names them), so a
    /// question about a company outside the built-in list ("where is Bumble headquartered?") is understood.
    /// Names of two letters or fewer are skipped: too easily an ordinary word.
    /// </summary>
    public void Learn(IEnumerable<string> names)
    {
        var fresh = names.Select(n => n.Trim()).Where(n => n.Length > 2
            && !_names.AliasToCanonical.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (fresh.Count == 0) return;
        lock (_learnLock)
        {
            var aliases = new Dictionary<string, string>(_names.AliasToCanonical, StringComparer.OrdinalIgnoreCase);
            foreach (var name in fresh) aliases.TryAdd(name, name);
            _names = new Names(aliases, BuildRegex(aliases));
        }
    }

    /// <summary>The canonical name of an alias, also when written with a legal suffix or decoration ("HP Inc.", "Meta Platforms,
    /// Inc.").</summary>
    public string? Canonicalize(string name)
    {
        var aliases = _names.AliasToCanonical;
        if (aliases.TryGetValue(name.Trim(), out var canonical)) return canonical;
        var normalized = EmployerNameNormalizer.Canonical(name);
        return aliases.TryGetValue(normalized, out canonical) ? canonical : null;
    }

    /// <summary>Companies mentioned in text, most mentioned first (exact alias matches, word-bounded).</summary>
    public IReadOnlyList<string> FindMentions(string text)
    {
        var counts = new Dictionary<string, int>();
        var names = _names;
        foreach (Match m in names.Mentions.Matches(text))
        {
            var alias = m.Value;
            // Lower-case "apple", "meta", "square" in prose are usually not the company.
            if (AmbiguousInLowerCase.Contains(alias.ToLowerInvariant()) && alias.All(c => !char.IsUpper(c))) continue;
            var canonical = names.AliasToCanonical[alias];
            counts[canonical] = counts.GetValueOrDefault(canonical) + 1;
        }
        return counts.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToList();
    }

    /// <summary>Companies named in a question, in the order they are named: exact aliases and one-typo matches of longer names.</summary>
    public IReadOnlyList<string> FindInQuestion(string question) => LocateInQuestion(question).Select(m => m.Company).ToList();

    /// <summary>
    /// Each company named in a question with where it is named ("stripe in nov 22 or shopfiy in jul 22":
    /// Stripe at 0, Shopify at 21), so a comparison can give each company the period written beside it.
    /// </summary>
    public IReadOnlyList<(string Company, int Index)> LocateInQuestion(string question)
    {
        var found = new List<(string Company, int Index)>();
        var covered = new List<(int Start, int End)>();
        var names = _names;
        foreach (Match m in names.Mentions.Matches(question))
        {
            covered.Add((m.Index, m.Index + m.Length));
            var canonical = names.AliasToCanonical[m.Value];
            if (found.All(f => f.Company != canonical)) found.Add((canonical, m.Index));
        }
        foreach (Match m in Regex.Matches(question, @"[A-Za-z][A-Za-z'’.]+"))
        {
            if (covered.Any(c => m.Index < c.End && c.Start < m.Index + m.Length)) continue;
            var word = Possessive().Replace(m.Value, "").TrimEnd('.', '\'');
            if (word.Length < 5) continue;
            foreach (var (alias, canonical) in names.AliasToCanonical)
            {
                if (alias.Length < 5 || alias.Contains(' ') || found.Any(f => f.Company == canonical)) continue;
                if (Math.Abs(alias.Length - word.Length) <= 1
                    && EditDistance.IsWithinOne(word.ToLowerInvariant(), alias.ToLowerInvariant()))
                    found.Add((canonical, m.Index));
            }
        }
        return found.OrderBy(f => f.Index).ToList();
    }

    [GeneratedRegex(@"['’]s$")] private static partial Regex Possessive();

    private static Regex BuildRegex(Dictionary<string, string> aliasToCanonical)
    {
        var alternatives = aliasToCanonical.Keys.OrderByDescending(a => a.Length).Select(Regex.Escape);
        return new Regex(@"(?<![\w])(" + string.Join("|", alternatives) + @")(?![\w])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
