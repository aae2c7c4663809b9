namespace Bot.Host.Cli;

/// <summary>Dates typed on the command line: <c>2022</c>, <c>2022-11</c> or <c>2022-11-16</c>.</summary>
internal static class CliDates
{
    /// <summary>The first day of the year, month or the day given; false when the text is none of those.</summary>
    public static bool TryParseStart(string text, out DateOnly date)
    {
        date = default;
        var t = text.Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 1900)
        {
            date = new DateOnly(year, 1, 1);
            return true;
        }
        if (DateOnly.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
