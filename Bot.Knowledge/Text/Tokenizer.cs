namespace Bot.Knowledge.Text;

/// <summary>
/// Word tokens for lexical ranking: lower case, digit groups joined ("14,000" -> "14000"),
/// stop words dropped, a light suffix stemmer so "layoffs"/"layoff" and "cuts"/"cut" meet.
/// </summary>
public static class Tokenizer
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "did", "do", "does", "done",
        "have", "has", "had", "how", "what", "which", "who", "whom", "why", "when", "where", "will", "would", "can", "could",
        "i", "you", "he", "she", "we", "they", "them", "his", "her", "our", "their", "my", "your", "me", "us", "about",
        "into", "than", "then", "there", "so", "if", "not", "no", "any", "all", "some", "many", "much", "more", "most",
        "just", "also", "very", "up", "out", "that's", "s", "t", "there's", "get", "got", "time", "that", "said",
    ];

    public static List<string> Tokenize(string text, bool keepStopWords = false)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); continue; }
            // "14,000" and "3.5" stay one token
            if ((c == ',' || c == '.') && sb.Length > 0 && char.IsDigit(sb[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                if (c == '.') sb.Append('.');
                continue;
            }
            if (sb.Length == 0) continue;
            var token = sb.ToString();
            sb.Clear();
            if (!keepStopWords && StopWords.Contains(token)) continue;
            tokens.Add(Stem(token));
        }
        return tokens;
    }

    public static string Stem(string token)
    {
        if (token.Length <= 3 || char.IsDigit(token[0])) return token;
        if (token.EndsWith("ies") && token.Length > 4) return token[..^3] + "y";
        if (token.EndsWith("sses")) return token[..^2];
        if (token.EndsWith("ing") && token.Length > 5) return token[..^3];
        if (token.EndsWith("ed") && token.Length > 4 && !token.EndsWith("eed")) return token[..^2];
        if (token.EndsWith('s') && !token.EndsWith("ss") && !token.EndsWith("us") && !token.EndsWith("is")) return token[..^1];
        return token;
    }
}
