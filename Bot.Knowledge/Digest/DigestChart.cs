using Bot.Knowledge.Charts;

namespace Bot.Knowledge.Digest;

/// <summary>
/// What the digest chart shows: the layoffs.fyi rounds of the period (at least its last 30 days, so a daily digest
/// still has context), by day up to two months and by week beyond, the top companies named over their largest round.
/// The chart stops at the newest row and says so ("data to 21 Aug 2026") when the period runs past the data.
/// </summary>
public static class DigestChart
{
    public const int MinDays = 30;
    public const int MaxDailyBars = 62;
    public const int LabelledCompanies = 5;

    /// <summary>"21 Aug 2026": how far the data runs, in the words the chart and the text use.</summary>
    public static string DataTo(DateOnly date) => "data to " + date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The first and last day charted for a period whose days are [firstDay, endDay).</summary>
    public static (DateOnly First, DateOnly Last) Window(DateOnly firstDay, DateOnly endDay, DateOnly? newestRow)
    {
        var last = endDay.AddDays(-1);
        var first = endDay.AddDays(-MinDays) < firstDay ? endDay.AddDays(-MinDays) : firstDay;
        // Past the newest row there is nothing to draw; the title says where the data ends instead.
        if (newestRow is { } newest && newest < last && newest >= first) last = newest;
        return (first, last);
    }

    public static (IReadOnlyList<RoundsBucket> Buckets, int BucketDays)
        Buckets(IReadOnlyList<LayoffRow> rows, DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var bucketDays = days <= MaxDailyBars ? 1 : 7;
        // Weeks start on Monday.
        var origin = bucketDays == 1 ? first : first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var count = (last.DayNumber - origin.DayNumber) / bucketDays + 1;
        var top = rows.Where(r => r.Count is not null).GroupBy(r => r.CompanyKey)
            .Select(g => (Largest: g.OrderByDescending(r => r.Count).ThenBy(r => r.Date, StringComparer.Ordinal).First(),
                Total: g.Sum(r => r.Count ?? 0)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Largest.Company, StringComparer.OrdinalIgnoreCase)
            .Take(LabelledCompanies).Select(x => x.Largest).ToList();
        int IndexOf(LayoffRow row) => (row.DateValue.DayNumber - origin.DayNumber) / bucketDays;
        var buckets = new List<RoundsBucket>(count);
        for (var i = 0; i < count; i++)
        {
            var inBucket = rows.Where(r => IndexOf(r) == i).ToList();
            buckets.Add(new RoundsBucket(origin.AddDays(i * bucketDays), inBucket.Sum(r => r.Count ?? 0), inBucket.Count,
                top.Where(r => IndexOf(r) == i).Select(r => r.Company).ToList()));
        }
        return (buckets, bucketDays);
    }

    public static string Label(DateOnly first, DateOnly last, DateOnly? dataTo) =>
        $"{first.ToString(first.Year == last.Year ? "MMM d" : "MMM d, yyyy", CultureInfo.InvariantCulture)} – " +
            $"{last.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}"
        + (dataTo is { } to ? $" ({DataTo(to)})" : "");
}
