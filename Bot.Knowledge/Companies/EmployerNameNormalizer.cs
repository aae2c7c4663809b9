namespace Bot.Knowledge.Companies;

/// <summary>
/// Turns a company or employer name as written in a data file ("Amazon.com Services LLC",
/// "Meta Platforms, Inc. (1 Hacker Way)", "Sage Therapeutics copy") into one canonical name ("Amazon",
/// "Meta", "Sage Therapeutics"), so layoffs.fyi rows and WARN notices of the same company meet.
/// Pure: a small built-in alias table for big tech plus suffix and site-code stripping.
/// </summary>
public static partial class EmployerNameNormalizer
{
    private static Dictionary<string, string> BuildAliases()
    {
        var aliases = Companies.CompanyCatalog.BuiltIn
            .SelectMany(c => c.Aliases.Append(c.Canonical).Select(a => (Key: Key(a), c.Canonical)))
            .Where(a => a.Key.Length > 0)
            .DistinctBy(a => a.Key)
            .ToDictionary(a => a.Key, a => a.Canonical, StringComparer.Ordinal);
        // Data files' own spellings of an alias name what the alias names (by the table, else by its brand prefix).
        foreach (var (alias, spellings) in Companies.CompanyCatalog.DataSpellings)
        {
            var key = Key(alias);
            var canonical = aliases.GetValueOrDefault(key)
                ?? BrandPrefixes.FirstOrDefault(b => (key + " ").StartsWith(b.Prefix, StringComparison.Ordinal)).Canonical;
            if (canonical is null) continue;
            foreach (var spelling in spellings) aliases.TryAdd(Key(spelling), canonical);
        }
        return aliases;
    }

    /// <summary>
    /// Brands whose name followed by anything (a site code, a division) is still that company
    /// ("Amazon SJC38", "Google US-MTV-1900", "Intel Corporation - SC-12"). Deliberately short: "Apple" and
    /// "Meta" alone are not here because "Apple Bank" and "Meta Company" are other employers.
    /// </summary>
    private static readonly (string Prefix, string Canonical)[] BrandPrefixes =
    [
        ("amazon ", "Amazon"), ("google ", "Google"), ("microsoft ", "Microsoft"), ("intel ", "Intel"),
        ("salesforce ", "Salesforce"), ("twitter ", "Twitter"), ("ibm ", "IBM"), ("dell ", "Dell"),
        ("facebook ", "Meta"), ("meta platforms ", "Meta"), ("international business machines ", "IBM"),
    ];

    /// <summary>
    /// Alias key (see <see cref="Key"/>) to canonical display name, from the one alias table
    /// (<see cref="Companies.CompanyCatalog.BuiltIn"/>) so data rows and questions agree on every name.
    /// </summary>
    // After BrandPrefixes: static fields initialise in the order written, and the data spellings use the prefixes.
    private static readonly Dictionary<string, string> Aliases = BuildAliases();

    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        // Not "co", "ag" or "sa": in "Open Co", "Regrow Ag" and "Software AG" they are part of the name.
        "inc", "incorporated", "llc", "l l c", "corp", "corporation", "ltd", "limited", "plc", "lp", "l p",
        "llp", "gmbh", "copy",
    };

    /// <summary>The canonical display name: "Amazon.com Services LLC" -> "Amazon".</summary>
    public static string Canonical(string raw)
    {
        var cleaned = StripDecorations(raw);
        var key = Key(cleaned);
        if (key.Length == 0) return raw.Trim();
        if (Aliases.TryGetValue(key, out var alias)) return alias;
        foreach (var (prefix, canonical) in BrandPrefixes)
            if (key.StartsWith(prefix, StringComparison.Ordinal) || (key + " ").StartsWith(prefix, StringComparison.Ordinal))
                return canonical;
        return IsShouting(cleaned) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(cleaned.ToLowerInvariant()) : cleaned;
    }

    /// <summary>The key two names are compared by: canonical, lower case, letters and digits only.</summary>
    public static string CompanyKey(string raw) => Key(Canonical(raw));

    /// <summary>The full employer name, lower case, letters and digits only, words split by one space
    /// ("Amazon.com, Inc." -> "amazon com inc"); WARN notices are de-duplicated on it. Bounded (see
    /// <see cref="Storage.IndexKeys"/>) because it is indexed and part of row ids.</summary>
    public static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var ch in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(ch));
                pendingSpace = false;
            }
            // Apostrophes join ("Applebee's" -> "applebees"); accents decomposed by FormKD are dropped.
            else if (ch is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) { }
            else pendingSpace = true;
        }
        return Storage.IndexKeys.Bounded(builder.ToString());
    }

    /// <summary>Drops the " copy" junk suffix, parenthesised notes, " - site" tails, "dba ..." and legal suffixes.</summary>
    private static string StripDecorations(string raw)
    {
        var name = raw.Trim();
        name = Parenthesised().Replace(name, " ");
        name = DbaTail().Replace(name, "");
        name = DashTail().Replace(name, "");
        name = name.Trim().TrimEnd(',', ' ', '-');
        while (true)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !LegalSuffixes.Contains(Key(words[^1]))) break;
            var rest = string.Join(' ', words[..^1]).TrimEnd(',', ' ');
            if (Key(rest).Length < 2) break; // "E Inc." stays "E Inc."
            name = rest;
        }
        return name;
    }

    /// <summary>"VISTA FORD" is shouting; "ABBYY", "ICANN" and "JD.ID" are one-word names written in capitals.</summary>
    private static bool IsShouting(string name) =>
        name.Contains(' ') && name.Any(char.IsLetter) && !name.Any(char.IsLower);

    [GeneratedRegex(@"\s*\([^)]*\)?")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\s+(d/?b/?a|dba)\s.*$", RegexOptions.IgnoreCase)]
    private static partial Regex DbaTail();

    [GeneratedRegex(@"\s+[-–—]\s*.*$")]
    private static partial Regex DashTail();
}
