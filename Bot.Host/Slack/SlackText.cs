using System.Text;

namespace Bot.Host.Slack;

/// <summary>
/// Slack mrkdwn text helpers. Escaping <c>&amp; &lt; &gt;</c> is what keeps user and source text from
/// forming mentions (<c>&lt;!channel&gt;</c>, <c>&lt;@U1&gt;</c>) or links.
/// </summary>
internal static class SlackText
{
    public const string Ellipsis = "…";

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A <c>&lt;url|label&gt;</c> link for http(s) URLs; anything else becomes the escaped label alone.</summary>
    public static string Link(string? url, string label)
    {
        var safeLabel = Escape(label).Replace("|", "¦", StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return safeLabel;
        var safeUrl = Escape(uri.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal);
        return $"<{safeUrl}|{safeLabel}>";
    }

    /// <summary>
    /// Shortens already-escaped text to at most <paramref name="max"/> characters, preferring the end of a
    /// sentence, then a word, and never cutting an entity such as <c>&amp;amp;</c> in half.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var room = max - Ellipsis.Length;
        var head = text[..room];
        var cut = LastSentenceEnd(head);
        if (cut < room / 2) cut = head.LastIndexOfAny([' ', '\n']) is var space and > 0 && space >= room / 2 ? space : room;
        var result = head[..cut].TrimEnd();
        var amp = result.LastIndexOf('&');
        if (amp >= 0 && result.IndexOf(';', amp) < 0) result = result[..amp].TrimEnd();
        return result + Ellipsis;
    }

    private static int LastSentenceEnd(string text)
    {
        for (var i = text.Length - 1; i > 0; i--)
        {
            if (text[i - 1] is '.' or '!' or '?' && char.IsWhiteSpace(text[i])) return i;
        }
        return text.Length > 0 && text[^1] is '.' or '!' or '?' ? text.Length : -1;
    }

    /// <summary>Prefixes every line with <c>&gt;</c> so Slack shows it as a block quote.</summary>
    public static string Quote(string escaped)
    {
        var builder = new StringBuilder();
        foreach (var line in escaped.Split('\n'))
        {
            if (builder.Length > 0) builder.Append('\n');
            builder.Append('>').Append(line);
        }
        return builder.ToString();
    }
}
