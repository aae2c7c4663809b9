using System.Net;

namespace Bot.Knowledge.Ingestion;

/// <summary>The readable main text of an HTML page (SmartReader, a port of Mozilla Readability), boilerplate dropped.</summary>
public static partial class HtmlDocumentParser
{
    public static ParsedDocument Parse(string html, string? url, string sourceKey, string sourceKind)
    {
        var article = SmartReader.Reader.ParseArticle(url ?? "https://localhost/", html);
        var text = article.IsReadable ? Tidy(article.TextContent) : Tidy(StripTags(html));
        if (text.Length < 40) throw new FormatException("no readable text found in the HTML page");
        var title = !string.IsNullOrWhiteSpace(article.Title) ? article.Title.Trim() : TitleTag().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : "Untitled page";
        return new ParsedDocument
        {
            Title = title,
            Text = text,
            SourceKind = sourceKind,
            SourceKey = sourceKey,
            Url = url,
            Publisher = string.IsNullOrWhiteSpace(article.SiteName) ? (url is null ? null : new Uri(url).Host) : article.SiteName,
            PublishedRaw = article.PublicationDate is { Year: > 1990 } date ? date.ToString("yyyy-MM-dd") : null,
        };
    }

    /// <summary>Collapses runs of spaces inside lines and keeps paragraph breaks, so sentences and quotes read cleanly.</summary>
    public static string Tidy(string text)
    {
        var lines = WebUtility.HtmlDecode(text).Replace("\r\n", "\n").Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join("\n\n", lines);
    }

    private static string StripTags(string html)
    {
        var noScripts = ScriptsAndStyles().Replace(html, " ");
        var withBreaks = BlockTags().Replace(noScripts, "\n");
        return Tags().Replace(withBreaks, " ");
    }

    [GeneratedRegex(@"[ \t\u00a0]+")] private static partial Regex Spaces();
    [GeneratedRegex(@"<(script|style|nav|header|footer|aside|noscript)[\s\S]*?</\1>", RegexOptions.IgnoreCase)] private static partial Regex
        ScriptsAndStyles();
    [GeneratedRegex(@"</?(p|div|br|h[1-6]|li|tr|section|article)[^>]*>", RegexOptions.IgnoreCase)] private static partial Regex BlockTags();
    [GeneratedRegex(@"<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@"<title[^>]*>([\s\S]*?)</title>", RegexOptions.IgnoreCase)] private static partial Regex TitleTag();
}
