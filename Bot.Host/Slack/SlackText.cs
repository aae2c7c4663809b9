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

    /// <summary>Incoming message text as typed: Slack sends <c>&amp; &lt; &gt;</c> escaped.</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

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
        // The neutral shortener picks the cut (a sentence end outside quotation marks, else a word);
        // Slack only adds that an escaped entity such as &amp; must not be cut in half.
        var result = Chat.SentenceShortener.Shorten(text, max);
        var body = result.EndsWith(" …", StringComparison.Ordinal) ? result[..^2] : result;
        var amp = body.LastIndexOf('&');
        if (amp >= 0 && body.IndexOf(';', amp) < 0) body = body[..amp].TrimEnd();
        return body + " …";
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
