namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Markdown or plain text, with an optional header between <c>---</c> lines
/// (<c>title, source_url, publisher, date_published, company</c>). Header values such as
/// "unknown (URL slug: ...)" are kept as given (<see cref="ReadableTitle"/> rewrites such titles when the document
/// is stored); the stored text is everything after the header.
/// </summary>
public static class FrontMatterDocumentParser
{
    public static ParsedDocument Parse(string content, string path, string sourceKind)
    {
        content = content.Replace("\r\n", "\n");
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = content;
        if (content.StartsWith("---\n", StringComparison.Ordinal))
        {
            var close = content.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (close < 0) throw new FormatException("front matter starts with '---' but has no closing '---' line");
            foreach (var line in content[4..close].Split('\n'))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0) continue;
                header[line[..colon].Trim()] = Unquote(line[(colon + 1)..].Trim());
            }
            var bodyStart = content.IndexOf('\n', close + 1);
            body = bodyStart < 0 ? "" : content[(bodyStart + 1)..];
        }
        body = body.Trim('\n', ' ', '\t');
        if (body.Length == 0) throw new FormatException("the document has no text after its header");
        if (body.Contains('\0')) throw new FormatException("the file is binary, not text");

        var url = NullIfUnknown(header.GetValueOrDefault("source_url")) ?? NullIfUnknown(header.GetValueOrDefault("url"));
        return new ParsedDocument
        {
            // Made readable when stored (ReadableTitle): the publisher and date it may need are known there.
            Title = header.GetValueOrDefault("title") ?? "",
            Text = body,
            SourceKind = sourceKind,
            SourceKey = url is not null ? UrlCanonicalizer.Canonicalize(url) : "file:" + Path.GetFullPath(path),
            Url = url,
            Publisher = NullIfUnknown(header.GetValueOrDefault("publisher")),
            PublishedRaw = header.GetValueOrDefault("date_published") ?? header.GetValueOrDefault("date"),
            CompanyHint = NullIfUnknown(header.GetValueOrDefault("company")),
        };
    }

    private static string? NullIfUnknown(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.StartsWith("unknown", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"") : value;
}
