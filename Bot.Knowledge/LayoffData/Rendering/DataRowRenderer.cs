namespace Bot.Knowledge.LayoffData;

/// <summary>A structured data row cited as rendered text plus where it came from.</summary>
public sealed record DataCitation
{
    public int N { get; init; }
    /// <summary>The row rendered for people, e.g. "Amazon | 2023-01-04 | 8,000 | Seattle".</summary>
    public required string Row { get; init; }
    public required string Dataset { get; init; }
    public string? Url { get; init; }
    public required string File { get; init; }
    public int Line { get; init; }
    public bool Verified { get; init; }
}

/// <summary>
/// Renders a stored row as the one-line text a citation shows, and builds the <see cref="DataCitation"/>.
/// The same rendering re-run on the stored row is how <see cref="LayoffDataQueries.VerifyRow"/> checks a citation.
/// </summary>
public static class DataRowRenderer
{
    private const string NotReported = "n/a";

    /// <summary>"Amazon | 2023-01-04 | 8,000 laid off | 2% | Seattle | United States".</summary>
    public static string Render(LayoffRow row) => string.Join(" | ",
        row.RawCompany, row.Date, Count(row.Count, "laid off"), Percent(row.Percentage), row.Location ?? NotReported,
        row.Country ?? NotReported);

    /// <summary>"Amazon | WA | Various locations in Washington | notice 2025-10-28 | effective 2026-01-26 | 2,303 employees |
    /// mass_layoff".</summary>
    public static string Render(WarnNotice notice) => string.Join(" | ",
        notice.Employer, notice.State, notice.Location ?? NotReported, $"notice {notice.NoticeDate ?? NotReported}",
        $"effective {notice.EffectiveDate ?? NotReported}", Count(notice.EmployeesAffected, "employees"),
        notice.LayoffType ?? NotReported);

    public static DataCitation Cite(LayoffRow row, int n = 0) => new()
    {
        N = n, Row = Render(row), Dataset = row.Dataset, Url = row.SourceUrl, File = row.File, Line = row.Line,
    };

    public static DataCitation Cite(WarnNotice notice, int n = 0) => new()
    {
        N = n, Row = Render(notice), Dataset = notice.Dataset, Url = notice.SourceUrl, File = notice.File, Line = notice.Line,
    };

    public static string Count(int? count, string unit) =>
        count is { } c ? $"{c.ToString("N0", CultureInfo.InvariantCulture)} {unit}" : $"{unit}: {NotReported}";

    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : $"%: {NotReported}";
}
