namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Dates as the layoffs.fyi exports write them: month-first <c>M/D/YYYY</c> and <c>MM-DD-YYYY</c> (a spreadsheet
/// round-trip artefact of the same month-first date), and ISO <c>yyyy-MM-dd</c> (optionally with a time).
/// </summary>
internal static class LayoffDateParser
{
    private static readonly string[] Formats =
    [
        "M/d/yyyy", "MM/dd/yyyy", "M-d-yyyy", "MM-dd-yyyy", "yyyy-MM-dd",
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var value = text.Trim();
        // ISO timestamps ("2026-08-21T16:00:28.000Z"): the calendar date is the part before the T.
        if (value.Length > 10 && value[4] == '-' && value[10] == 'T') value = value[..10];
        return DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string ToIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
