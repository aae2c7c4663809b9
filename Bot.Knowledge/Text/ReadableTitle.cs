namespace Bot.Knowledge.Text;

/// <summary>
/// A title a reader can use. A title that is missing, "unknown (...)", "Untitled page" or hash-like is replaced by
/// the article's first line when it reads as a headline, else by the URL slug turned into words, else by
/// "Publisher, date". Hash-like slugs ("f-445134d771-f97dc244-...") never show.
/// </summary>
public static partial class ReadableTitle
{
    private const int MaxHeadlineLength = 120;

    public static string For(string? title, string? url, string body, string? publisher, DateTime? published, DatePrecision? precision)
    {
        var given = title is null ? null : FromSlugSuffix().Replace(title, "").Trim();
        if (IsReadable(given)) return given!;
        if (Headline(body) is { } headline) return headline;
        var slug = title is null ? null : SlugInTitle().Match(title) is { Success: true } m ? m.Groups[1].Value : null;
        if (slug is not null && Words(slug) is { } fromTitle) return fromTitle;
        if (UrlSlugWords(url) is { } fromUrl) return fromUrl;
        var source = publisher ?? (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null);
        var date = published is { } day ? Date(day, precision) : null;
        return (source, date) switch
        {
            (not null, not null) => $"{source}, {date}",
            (not null, null) => source,
            (null, not null) => $"Article of {date}",
            _ => "Untitled article",
        };
    }

    /// <summary>True for a title with a word in it that is not a placeholder, a raw slug, a file name or hash-like.</summary>
    public static bool IsReadable(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return false;
        var trimmed = title.Trim();
        if (trimmed.StartsWith("unknown", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("Untitled page", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("URL slug", StringComparison.OrdinalIgnoreCase)) return false;
        // A raw slug or file name ("ibm-2025-11-low-single-digit-whitecollarvoice") is not yet words.
        if (!trimmed.Contains(' ') && (trimmed.Contains('-') || trimmed.Contains('_') || FileExtension().IsMatch(trimmed))) return false;
        var tokens = Token().Matches(trimmed).Select(t => t.Value).ToList();
        return tokens.Any(t => t.Count(char.IsLetter) >= 2) && !IsHashLike(tokens);
    }

    /// <summary>The body's first line when it reads as a headline: short, one line, not a sentence of the text.</summary>
    private static string? Headline(string body)
    {
        var first = body.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0);
        if (first is null || first.Length > MaxHeadlineLength || !char.IsUpper(first[0]) && !char.IsDigit(first[0])) return null;
        if (first[^1] is '.' or ',' or ';' or ':' or '"' or '”' || SentenceBreak().IsMatch(first)) return null;
        return IsReadable(first) ? first : null;
    }

    /// <summary>The last path segment of the URL that reads as words ("amazon-set-cut-14000-jobs-corporate-workforce").</summary>
    private static string? UrlSlugWords(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        foreach (var segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            if (Words(Uri.UnescapeDataString(FileExtension().Replace(segment, ""))) is { } words) return words;
        return null;
    }

    /// <summary>"meta-announces-further-job-cuts-1446577" -> "Meta announces further job cuts"; null when hash-like or not words.</summary>
    private static string? Words(string slug)
    {
        var trimmed = TrailingId().Replace(slug.Trim(), "");
        var tokens = trimmed.Split(['-', '_', ' ', '+'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2 || IsHashLike(tokens)) return null;
        var words = string.Join(' ', tokens);
        // One word ("timesnow", "article") says too little to stand for a headline.
        return tokens.Count(t => t.Count(char.IsLetter) >= 2) >= 2 && IsReadable(words) ? char.ToUpperInvariant(words[0]) + words[1..]
            : null;
    }

    /// <summary>Hex strings and long letter-digit mixes are ids, not words: two of them, or one of 8+ characters.</summary>
    private static bool IsHashLike(IReadOnlyList<string> tokens)
    {
        var ids = tokens.Where(t => t.Any(char.IsDigit) && t.Any(char.IsLetter)
            && (t.Length >= 4 && t.All(char.IsAsciiHexDigit) || t.Length >= 12)).ToList();
        return ids.Count >= 2 || ids.Any(t => t.Length >= 8);
    }

    private static string Date(DateTime day, DatePrecision? precision) => precision switch
    {
        DatePrecision.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => day.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\s*\((?:from )?URL slug\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FromSlugSuffix();

    [GeneratedRegex(@"URL slug:\s*([^)\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SlugInTitle();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Token();

    [GeneratedRegex(@"[.!?][""”’]?\s+\p{Lu}")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\.(?:html?|php|aspx?|cms)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileExtension();

    /// <summary>Trailing ids and dates: "-374201-2023-03-21", "-1446577", "-1235479353".</summary>
    [GeneratedRegex(@"(?:[-_](?:\d{4}-\d{2}-\d{2}|\d{5,}))+$")]
    private static partial Regex TrailingId();
}
