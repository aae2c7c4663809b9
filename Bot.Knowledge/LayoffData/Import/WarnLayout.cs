namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Column positions of a WARN Notice Register state export, found by header names. Two schemas exist: the
/// 45-column enriched one (with <c>canonical_name</c>, NAICS, FIPS ...) and the older 16-column one (ca.csv).
/// </summary>
internal sealed record WarnLayout(
    string Name, int FieldCount, int State, int Employer, int CanonicalName, int Location, int NoticeDate,
    int EffectiveDate, int Employees, int LayoffType, int IsTemporary, int IsAmendment, int SourceUrl, int LastSeen)
{
    public static WarnLayout? Detect(IReadOnlyList<string> header)
    {
        var columns = header.Select((name, index) => (name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), index))
            .GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().index);
        int At(string name) => columns.TryGetValue(name, out var i) ? i : -1;
        string[] required = ["state", "employer_name", "notice_date", "effective_date", "employees_affected"];
        if (required.Any(c => At(c) < 0)) return null;
        var name = At("canonical_name") >= 0 ? "WARN register (enriched)" : "WARN register (basic)";
        return new(name, header.Count, At("state"), At("employer_name"), At("canonical_name"), At("location"),
            At("notice_date"), At("effective_date"), At("employees_affected"), At("layoff_type"), At("is_temporary"),
            At("is_amendment"), At("source_url"), At("last_seen"));
    }
}
