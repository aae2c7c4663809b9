namespace Bot.Knowledge.Text;

/// <summary>
/// Splits text into sentences and keeps exact character offsets into the original, so a quote is
/// always <c>text.Substring(start, end - start)</c>. Abbreviations ("Inc.", "Jan.", "U.S."), initials
/// and decimals do not end a sentence; blank lines and short heading-like lines do.
/// </summary>
public static class SentenceSegmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "fig", "approx", "est", "dept", "gov", "gen", "sen", "rep", "ave", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
    };

    private const int ShortLine = 80;

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (IsLineBoundary(text, start, i)) { Add(spans, text, start, i); start = i + 1; }
                continue;
            }
            if (c is not ('.' or '!' or '?')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '.' or '!' or '?') end++;
            if (end < text.Length && !char.IsWhiteSpace(text[end])) continue; // "3.5", "U.S.-based", ".com"
            if (c == '.' && IsAbbreviation(text, i)) continue;
            if (!NextStartsSentence(text, end)) continue;
            Add(spans, text, start, end);
            start = end;
            i = end - 1;
        }
        Add(spans, text, start, text.Length);
        return spans;
    }

    /// <summary>A newline ends a sentence after a blank line, or after a short line (heading, byline) followed by a capitalised
    /// line.</summary>
    private static bool IsLineBoundary(string text, int sentenceStart, int newline)
    {
        var next = newline + 1;
        while (next < text.Length && text[next] is ' ' or '\t' or '\r') next++;
        if (next >= text.Length || text[next] == '\n') return true;
        var lineStart = text.LastIndexOf('\n', Math.Max(newline - 1, 0)) + 1;
        if (lineStart < sentenceStart) lineStart = sentenceStart;
        var line = text.AsSpan(lineStart, newline - lineStart).Trim();
        if (line.Length == 0) return true;
        if (line[0] == '#' || text[next] is '#' or '-' or '*' or '>' or '|') return true;
        var nextChar = text[next];
        var startsNew = char.IsUpper(nextChar) || char.IsDigit(nextChar) || nextChar is '"' or '“' or '‘' or '\'';
        var endsLikeSentence = line[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '’';
        return startsNew && (endsLikeSentence || line.Length < ShortLine);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text.Substring(wordStart, dot - wordStart);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        if (word.Contains('.')) return true;                         // "U.S", "e.g"
        return Abbreviations.Contains(word);
    }

    private static bool NextStartsSentence(string text, int from)
    {
        var j = from;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        if (j >= text.Length) return true;
        var c = text[j];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '#' or '-' or '*' or '—' or '–';
    }

    private static void Add(List<TextSpan> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end));
    }
}
