namespace Bot.Knowledge.LayoffData;

/// <summary>One US WARN Act notice as stored in <see cref="LayoffDataCollections.WarnNotices"/>.</summary>
public sealed class WarnNotice
{
    /// <summary>Deterministic: state, normalized employer, employees affected and effective date (the de-duplication key).</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Dataset { get; set; } = LayoffDatasets.Warn;
    /// <summary>Two-letter state code.</summary>
    public string State { get; set; } = "";
    /// <summary>The employer as filed, e.g. "Meta Platforms, Inc. (1 Hacker Way)".</summary>
    public string Employer { get; set; } = "";
    /// <summary>Canonical company (<see cref="EmployerNameNormalizer.Canonical"/>), e.g. "Meta".</summary>
    public string Company { get; set; } = "";
    public string CompanyKey { get; set; } = "";
    /// <summary>The register's own <c>canonical_name</c> enrichment, when the state file has it.</summary>
    public string? RegisterCanonicalName { get; set; }
    public string? Location { get; set; }
    /// <summary>ISO dates (yyyy-MM-dd); null when the state did not publish one.</summary>
    public string? NoticeDate { get; set; }
    public string? EffectiveDate { get; set; }
    public int? EmployeesAffected { get; set; }
    /// <summary><c>closure</c>, <c>mass_layoff</c> or <c>unknown</c>, as the register classifies it.</summary>
    public string? LayoffType { get; set; }
    public bool IsClosure { get; set; }
    /// <summary>Null when the state file does not say.</summary>
    public bool? IsTemporary { get; set; }
    public bool? IsAmendment { get; set; }
    public string? SourceUrl { get; set; }
    public string File { get; set; } = "";
    public int Line { get; set; }
    /// <summary>Other lines with the same notice (re-scrapes, re-listings), which were not stored separately.</summary>
    public List<SourceReference> Duplicates { get; set; } = [];

    public bool SameContent(WarnNotice other) =>
        State == other.State && Employer == other.Employer && Company == other.Company
        && RegisterCanonicalName == other.RegisterCanonicalName && Location == other.Location
        && NoticeDate == other.NoticeDate && EffectiveDate == other.EffectiveDate
        && EmployeesAffected == other.EmployeesAffected && LayoffType == other.LayoffType && IsClosure == other.IsClosure
        && IsTemporary == other.IsTemporary && IsAmendment == other.IsAmendment && SourceUrl == other.SourceUrl
        && File == other.File && Line == other.Line
        && Duplicates.Count == other.Duplicates.Count && Duplicates.Zip(other.Duplicates).All(p => p.First.SamePlace(p.Second));
}
