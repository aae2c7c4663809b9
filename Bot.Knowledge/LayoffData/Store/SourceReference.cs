namespace Bot.Knowledge.LayoffData;

/// <summary>Another place the same row or notice was found: a second file, a duplicate line, another URL.</summary>
public sealed class SourceReference
{
    public string File { get; set; } = "";
    public int Line { get; set; }
    public string? Url { get; set; }
    /// <summary>Why it is here, e.g. "same company and date in layoffs_fyi_2025_2026_recent.csv".</summary>
    public string? Note { get; set; }

    public bool SamePlace(SourceReference other) => File == other.File && Line == other.Line && Url == other.Url;
}
