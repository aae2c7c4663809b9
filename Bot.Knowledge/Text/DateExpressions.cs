namespace Bot.Knowledge.Text;

public enum DatePrecision { Year, Month, Day }

/// <summary>A date found in text: where it is, what it means and how precise it is (a missing year stays unknown).</summary>
public sealed record DateMention(TextSpan Span, int? Year, int? Month, int? Day, DatePrecision Precision)
{
    public DateTime? ToDate() => Year is { } y ? new DateTime(y, Month ?? 1, Day ?? 1, 0, 0, 0, DateTimeKind.Utc) : null;
}

/// <summary>Finds dates written the ways news text writes them: "Aug. 1, 2024", "March 3", "28 October", "2025-10-28", "May
/// 2020".</summary>
public static partial class DateExpressions
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4,
        ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9,
        ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    };

    public static bool TryMonth(string word, out int month) => Months.TryGetValue(word.TrimEnd('.'), out month);

    private const string MonthPattern =
        "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|" +
        "Nov(?:ember)?|Dec(?:ember)?)\\.?";

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d\d)-(?<m>0[1-9]|1[0-2])(?:-(?<d>0[1-9]|[12]\d|3[01]))?\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b" + MonthPattern + @"\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d\d)\b)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + MonthPattern + @"(?:,?\s+(?<year>(?:19|20)\d\d)\b)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + MonthPattern + @",?\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<![\d,.$])\b(?<year>(?:19|20)\d\d)\b(?!\d|,\d)")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\b(?<m>[01]?\d)/(?<d>[0-3]?\d)/(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex SlashDate();

    /// <summary>All date mentions, most precise first where they overlap.</summary>
    public static IReadOnlyList<DateMention> Find(string text)
    {
        var found = new List<DateMention>();
        void Add(DateMention m)
        {
            if (found.Any(f => f.Span.Start < m.Span.End && m.Span.Start < f.Span.End)) return;
            found.Add(m);
        }
        foreach (Match m in IsoDate().Matches(text))
        {
            var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : (int?)null;
            Add(new DateMention(Span(m), int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), day, day is null ? DatePrecision.Month : DatePrecision.Day));
        }
        foreach (Match m in SlashDate().Matches(text))
            if (int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12)
                Add(new DateMention(Span(m), int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), DatePrecision.Day));
        foreach (var regex in new[] { MonthDayYear(), DayMonthYear() })
        {
            foreach (Match m in regex.Matches(text))
            {
                var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
                if (day is < 1 or > 31) continue;
                // "May 5" is a date, but "may 2" in "may 2 things" is rare; accept capitalised month names or a year.
                if (m.Groups["month"].Value.Equals("may", StringComparison.Ordinal) && !m.Groups["year"].Success) continue;
                int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
                Add(new DateMention(Span(m), year, Months[m.Groups["month"].Value], day, DatePrecision.Day));
            }
        }
        foreach (Match m in MonthYear().Matches(text))
        {
            if (m.Groups["month"].Value.Equals("may", StringComparison.Ordinal)) continue;
            Add(new DateMention(Span(m), int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), Months[m.Groups["month"].Value],
                null, DatePrecision.Month));
        }
        foreach (Match m in YearOnly().Matches(text))
            Add(new DateMention(Span(m), int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), null, null, DatePrecision.Year));
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    /// <summary>
    /// The best date in a published-date field such as "2025-10 (exact day not captured)" or
    /// "unknown (May 2020; memo sent May 5, 2020)": a leading ISO date wins, else the most precise complete date.
    /// </summary>
    public static (DateTime? Date, DatePrecision? Precision) ParsePublished(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return (null, null);
        var mentions = Find(raw).Where(m => m.Year is not null).ToList();
        if (mentions.Count == 0) return (null, null);
        var leading = mentions.FirstOrDefault(m => m.Span.Start == 0);
        var best = leading ?? mentions.OrderByDescending(m => m.Precision).First();
        return (best.ToDate(), best.Precision);
    }

    private static TextSpan Span(Match m) => new(m.Index, m.Index + m.Length);
}
