using System.Security.Cryptography;

namespace Bot.Knowledge.Storage;

/// <summary>One ingested document. <see cref="Text"/> is stored exactly as quoted: citation offsets point into it.</summary>
public sealed class DocumentRecord
{
    [BsonId] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    /// <summary>Canonical form of <see cref="Url"/> (or of the file path) used for dedupe.</summary>
    public string SourceKey { get; set; } = "";
    public string? Publisher { get; set; }
    /// <summary>The published date as the source gave it, e.g. "unknown (May 2020; memo sent May 5, 2020)".</summary>
    public string? PublishedRaw { get; set; }
    /// <summary>Best date parsed from <see cref="PublishedRaw"/> (UTC midnight), null when none.</summary>
    public DateTime? Published { get; set; }
    /// <summary>"day", "month" or "year": how much of <see cref="Published"/> is known.</summary>
    public string? PublishedPrecision { get; set; }
    public List<string> Companies { get; set; } = [];
    /// <summary>"markdown", "text", "html", "url", "feed-item".</summary>
    public string SourceKind { get; set; } = "";
    /// <summary><see cref="HashOf"/> the text, for dedupe and for <c>check</c> to find damage.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The file it was read from, when it came from a file.</summary>
    public string? SourcePath { get; set; }
    /// <summary>
    /// The text, held as UTF-8 (the index holds every document, and articles are mostly ASCII: half the bytes of a
    /// .NET string) and decoded when read; the last few hundred decoded texts are kept, as answering reads one
    /// document's text many times in a row.
    /// </summary>
    public string Text
    {
        get => DecodedTexts.Of(_utf8);
        set => _utf8 = Encoding.UTF8.GetBytes(value);
    }

    private byte[] _utf8 = [];
    public DateTime IngestedAt { get; set; }
    public int Version { get; set; }

    /// <summary>SHA-256 of the UTF-8 text, lower-case hex.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
