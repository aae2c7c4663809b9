using System.ServiceModel.Syndication;
using System.Xml;

namespace Bot.Knowledge.Ingestion;

/// <summary>One item of an RSS or Atom feed: where it links, and what the feed says about it.</summary>
public sealed record FeedItem(string Link, string? Title, DateTimeOffset? Published, string? Summary, string? FeedTitle);

public static class FeedParser
{
    public static bool LooksLikeFeed(string content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 1000)).TrimStart();
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<FeedItem> Parse(string xml, Uri? baseUri)
    {
        using var reader = XmlReader.Create(new StringReader(xml),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var feed = SyndicationFeed.Load(reader) ?? throw new FormatException("not an RSS or Atom feed");
        var items = new List<FeedItem>();
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()
                       ?? item.Links.FirstOrDefault()?.GetAbsoluteUri();
            if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUri)) link = idUri;
            if (link is null) continue;
            if (!link.IsAbsoluteUri && baseUri is not null) link = new Uri(baseUri, link);
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime
                : (DateTimeOffset?)null;
            items.Add(new FeedItem(link.ToString(), item.Title?.Text, published, item.Summary?.Text, feed.Title?.Text));
        }
        return items;
    }
}
