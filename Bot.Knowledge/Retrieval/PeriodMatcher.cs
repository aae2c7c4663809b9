namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Whether a document reports on a period. News trails events, so a document published up to a few
/// weeks after the period still counts; a document without a date counts when its text names a year of the period.
/// </summary>
public static class PeriodMatcher
{
    public static readonly TimeSpan LeadTolerance = TimeSpan.FromDays(3);
    public static readonly TimeSpan TrailTolerance = TimeSpan.FromDays(35);

    public static bool DocumentInPeriod(DocumentRecord document, IReadOnlySet<int> yearsInText, DateTime? from, DateTime? to)
    {
        if (document.Published is { } published)
        {
            // A month-precision date ("2025-10") covers the whole month.
            var end = document.PublishedPrecision switch
                { "month" => published.AddMonths(1), "year" => published.AddYears(1), _ => published.AddDays(1) };
            if (from is { } f && end <= f - LeadTolerance) return false;
            if (to is { } t && published >= t + TrailTolerance) return false;
            return true;
        }
        var fromYear = from?.Year ?? int.MinValue;
        var toYear = to is { } tt ? tt.AddTicks(-1).Year : int.MaxValue;
        return yearsInText.Any(y => y >= fromYear && y <= toYear);
    }
}
