using Cronos;

namespace Bot.Host.Jobs;

/// <summary>
/// When digests fire: a cron expression read in an IANA time zone (Cronos handles daylight-saving changes:
/// a skipped local time fires at the first instant after the gap, a repeated one fires once). Pure: every
/// answer depends only on its arguments.
/// </summary>
public sealed class DigestSchedule
{
    private static readonly TimeSpan[] Lookbacks =
        [TimeSpan.FromDays(2), TimeSpan.FromDays(8), TimeSpan.FromDays(32), TimeSpan.FromDays(367)];
    private readonly CronExpression _cron;

    public DigestSchedule(CronExpression cron, TimeZoneInfo zone)
    {
        _cron = cron;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Parses five fields (minute precision) or six (with seconds); throws <see cref="CronFormatException"/> when
    /// malformed.</summary>
    public static DigestSchedule Parse(string cron, string timeZoneId)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var expression = CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        return new DigestSchedule(expression, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
    }

    /// <summary>The first fire time strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after, Zone);

    /// <summary>The last fire time strictly before <paramref name="before"/>, or null when none in the past year.</summary>
    public DateTimeOffset? Previous(DateTimeOffset before)
    {
        foreach (var lookback in Lookbacks)
        {
            var found = _cron.GetOccurrences(before - lookback, before, Zone, fromInclusive: true, toInclusive: false).LastOrDefault();
            if (found != default) return found;
        }
        return null;
    }

    /// <summary>
    /// The period due at <paramref name="now"/> for a channel whose last digest covered up to
    /// <paramref name="lastEnd"/> (null: none yet, the channel was added when the scheduler started at
    /// <paramref name="startedAt"/>). Null when nothing is due. After downtime that spans several fire times
    /// this is ONE period from the last one's end to the latest fire time, not one per missed fire.
    /// </summary>
    public DigestPeriod? Due(DateTimeOffset? lastEnd, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var after = lastEnd ?? startedAt;
        if (Next(after) is not { } first || first > now) return null;
        var end = _cron.GetOccurrences(first, now, Zone, fromInclusive: true, toInclusive: true).Last();
        var start = lastEnd ?? Previous(first) ?? first.AddDays(-1);
        return new DigestPeriod(start, end);
    }

    /// <summary>When to look again for the channel: the next fire time after the last covered end (or the start).</summary>
    public DateTimeOffset? NextDue(DateTimeOffset? lastEnd, DateTimeOffset startedAt) => Next(lastEnd ?? startedAt);
}
