namespace Bot.Knowledge.Companies;

/// <summary>
/// Whether a text names a company, with evidence. Most names are distinctive, so a word-bounded match is enough;
/// names that are common English words (Block, Snap, Square, Box, Compass, Ramp, Wish, ...) count only when
/// written capitalised and not inside a known idiom: "on the chopping block" is not about Block.
/// </summary>
public static partial class CompanyMentionEvidence
{
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "block", "snap", "square", "box", "compass", "ramp", "wish", "zoom", "bolt", "indeed", "apple", "meta", "oracle",
        "unity", "ford", "stripe", "chime", "gap", "loom", "match", "notion", "bird", "lime", "root", "hopper", "vroom",
        "pipe", "brex", "plaid", "sonder", "carta", "wing", "glossier", "rover", "opendoor", "quip", "swvl", "gopuff", "via",
        "embark", "fast", "clear", "simple", "bench", "pitch", "frame", "scale", "shift", "spring", "wave", "beam", "vice",
    };

    /// <summary>
    /// Phrases in which a common-word name is the ordinary word, whatever its case (titles are often in title case).
    /// Matched on the mention's surroundings; {0} stands for the name.
    /// </summary>
    private static readonly string[] IdiomPatterns =
    [
        @"chopping\s+{0}", @"building\s+{0}s?", @"stumbling\s+{0}", @"road\s*{0}", @"city\s+{0}", @"on\s+the\s+{0}", @"{0}\s+by\s+{0}",
        @"writer'?s\s+{0}", @"{0}\s+one", @"fair\s+and\s+{0}", @"{0}\s+(?:feet|foot|metres?|meters?|miles?|kilometres?)", @"times\s+{0}",
        @"oh\s+{0}", @"in\s+a\s+{0}", @"{0}\s+(?:election|decision|judg(?:e)?ment|poll|back)", @"out\s+of\s+the\s+{0}", @"black\s+{0}",
        @"moral\s+{0}", @"{0}(?:s|ed|ing)?[\s-]+(?:up|down)", @"(?:on|off)-{0}", @"{0}\s+list", @"death\s+{0}", @"zoom\s+(?:in|out)\b",
        @"mind\s+the\s+{0}", @"(?:bridge|close|closing|fill|filling|narrow|wage|skills?)\s+the\s+{0}", @"{0}\s+(?:year|years)",
    ];

    /// <summary>True when the name is also an everyday word, so a match alone is no evidence.</summary>
    public static bool IsCommonWord(string name) => CommonWords.Contains(name.Trim());

    /// <summary>True when the text names the company: word-bounded; for a common-word name also capitalised and outside an idiom.</summary>
    public static bool Mentions(string text, string name)
    {
        name = name.Trim();
        if (name.Length == 0) return false;
        var common = IsCommonWord(name);
        var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + name.Length;
            var bounded = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (bounded && (!common || (char.IsUpper(text[at]) && !InIdiom(text, at, name)))) return true;
            at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static bool InIdiom(string text, int at, string name)
    {
        // Up to 30 characters each side hold any of the idioms above.
        var from = Math.Max(0, at - 30);
        var to = Math.Min(text.Length, at + name.Length + 30);
        var window = text[from..to];
        var offset = at - from;
        var word = Regex.Escape(name);
        foreach (var pattern in IdiomPatterns)
        {
            foreach (Match m in Regex.Matches(window, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, word),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                if (m.Index <= offset && offset < m.Index + m.Length) return true;
        }
        return false;
    }
}
