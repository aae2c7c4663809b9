namespace Bot.Knowledge.LayoffData;

/// <summary>One layoffs.fyi row as stored in <see cref="LayoffDataCollections.Rows"/>.</summary>
public sealed class LayoffRow
{
    /// <summary>Deterministic: dataset, company key, date and location key (plus "#n" for a same-key row with other figures).</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Dataset { get; set; } = LayoffDatasets.LayoffsFyi;
    /// <summary>Canonical company name (<see cref="EmployerNameNormalizer.Canonical"/>).</summary>
    public string Company { get; set; } = "";
    public string CompanyKey { get; set; } = "";
    /// <summary>The company as written in the file, e.g. "Sage Therapeutics copy".</summary>
    public string RawCompany { get; set; } = "";
    /// <summary>ISO date (yyyy-MM-dd), stored as text so LiteDB never shifts it by a time zone.</summary>
    public string Date { get; set; } = "";
    public int? Count { get; set; }
    /// <summary>Fraction of the workforce (0.15 = 15%), as layoffs.fyi publishes it.</summary>
    public double? Percentage { get; set; }
    public string? Location { get; set; }
    public string? Industry { get; set; }
    public string? Country { get; set; }
    public string? Stage { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>File name the row was read from (the primary file when both files hold it).</summary>
    public string File { get; set; } = "";
    /// <summary>1-based line of the row in <see cref="File"/>.</summary>
    public int Line { get; set; }
    /// <summary>True when the row comes from the primary export (layoffs_fyi.csv layout).</summary>
    public bool FromPrimaryFile { get; set; }
    /// <summary>The same row in the other layoffs.fyi file, or duplicate lines with other source URLs.</summary>
    public List<SourceReference> ExtraSources { get; set; } = [];

    [BsonIgnore, System.Text.Json.Serialization.JsonIgnore] public DateOnly DateValue => DateOnly.ParseExact(Date, "yyyy-MM-dd");

    /// <summary>True when every field read from the file is the same (ids and extra sources aside).</summary>
    public bool SameContent(LayoffRow other) =>
        Company == other.Company && RawCompany == other.RawCompany && Date == other.Date && Count == other.Count
        && Percentage == other.Percentage && Location == other.Location && Industry == other.Industry
        && Country == other.Country && Stage == other.Stage && SourceUrl == other.SourceUrl && File == other.File
        && Line == other.Line;
}
