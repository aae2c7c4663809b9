namespace Bot.Knowledge.Digest;

/// <summary>
/// The days in which an article or a stated date belongs to one layoff round: from a little before the round's
/// first source (news often leaks ahead of the announcement) to a few weeks after its last (follow-up reports).
/// A date known only to the month counts when its month overlaps the window; a year alone is too vague to place.
/// </summary>
public sealed record RoundWindow(DateOnly From, DateOnly To)
{
    public const int DaysBefore = 14;
    public const int DaysAfter = 30;

    public static RoundWindow Of(LayoffRound round) => new(round.Start.AddDays(-DaysBefore), round.End.AddDays(DaysAfter));

    /// <summary>True when a date of the given precision ("day", "month", "year" or null) falls within the window.</summary>
    public bool Contains(DateTime? date, DatePrecision? precision)
    {
        if (date is not { } value) return false;
        var (first, last) = Range(DateOnly.FromDateTime(value), precision ?? DatePrecision.Day);
        return precision != DatePrecision.Year && first <= To && last >= From;
    }

    /// <summary>True when a date stated in a sentence lies entirely before the window, or (known to the day or month) after it: another
    /// round.</summary>
    public bool Excludes(DateMention mention)
    {
        if (mention.ToDate() is not { } value) return false;
        var (first, last) = Range(DateOnly.FromDateTime(value), mention.Precision);
        if (last < From) return true;
        // "by fiscal 2028" is a plan's horizon, not another round; "in March 2027" is another time.
        return first > To && mention.Precision != DatePrecision.Year;
    }

    /// <summary>True when the sentence states a day or month inside the window.</summary>
    public bool Places(DateMention mention) =>
        mention.Precision != DatePrecision.Year && Contains(mention.ToDate(), mention.Precision);

    private static (DateOnly First, DateOnly Last) Range(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        DatePrecision.Month => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        _ => (date, date),
    };
}
