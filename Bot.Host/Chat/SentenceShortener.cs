namespace Bot.Host.Chat;

/// <summary>
/// Shortens text to a length limit at the last sentence end that lies outside quotation marks,
/// so a cut never lands inside a quote; falls back to the last word boundary when the first
/// sentence alone is too long. Marks the cut with an ellipsis.
/// </summary>
internal static class SentenceShortener
{
    private const string Ellipsis = " …";

    public static string Shorten(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length + 1);
        text = text.Trim();
        if (text.Length <= maxLength) return text;

        var room = maxLength - Ellipsis.Length;
        var cut = LastSentenceEnd(text, room);
        if (cut <= 0)
        {
            var space = text.LastIndexOf(' ', room - 1, room);
            cut = space > 0 ? space : room;
        }
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>Length of the longest prefix (≤ <paramref name="room"/>) that ends a sentence outside any quotation.</summary>
    private static int LastSentenceEnd(string text, int room)
    {
        var best = 0;
        var curlyDepth = 0;
        var inStraight = false;
        for (var i = 0; i < text.Length && i < room; i++)
        {
            switch (text[i])
            {
                case '“': curlyDepth++; break;
                case '”': curlyDepth = Math.Max(0, curlyDepth - 1); break;
                case '"': inStraight = !inStraight; break;
            }
            var quoted = curlyDepth > 0 || inStraight;
            var atBoundary = i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]);
            if (!quoted && atBoundary && (IsSentenceEnd(text[i]) || (IsClosingQuote(text[i]) && i > 0 && IsSentenceEnd(text[i - 1]))))
                best = i + 1;
            else if (!quoted && text[i] == '\n')
                best = i;
        }
        return best;
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '…';
    private static bool IsClosingQuote(char c) => c is '”' or '"' or ')';
}
