namespace Bot.Tests.Digest;

public sealed class DigestScheduleTests
{

    [Fact]
    public void Nine_in_New_York_is_14_00_UTC_before_the_spring_change_and_13_00_UTC_after()
    {
        var schedule = DigestSchedule.Parse("0 9 * * *", "America/New_York");
        Assert.Equal(Utc("2026-03-07T14:00:00Z"), schedule.Next(Utc("2026-03-07T12:00:00Z")));
        Assert.Equal(Utc("2026-03-08T13:00:00Z"), schedule.Next(Utc("2026-03-07T14:00:00Z")));
        Assert.Equal(Utc("2026-03-09T13:00:00Z"), schedule.Next(Utc("2026-03-08T13:00:00Z")));
    }

    [Fact]
    public void Nine_in_New_York_moves_back_to_14_00_UTC_after_the_autumn_change()
    {
        var schedule = DigestSchedule.Parse("0 9 * * *", "America/New_York");
        Assert.Equal(Utc("2026-10-31T13:00:00Z"), schedule.Next(Utc("2026-10-30T13:00:00Z")));
        Assert.Equal(Utc("2026-11-01T14:00:00Z"), schedule.Next(Utc("2026-10-31T13:00:00Z")));
        Assert.Equal(Utc("2026-11-01T14:00:00Z"), schedule.Previous(Utc("2026-11-02T14:00:00Z")));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_fires_once_right_after_the_gap_and_a_repeated_one_fires_once()
    {
        var skipped = DigestSchedule.Parse("30 2 * * *", "America/New_York");
        // 02:30 does not exist on 2026-03-08: Cronos fires at 03:00 EDT (07:00 UTC).
        Assert.Equal(Utc("2026-03-08T07:00:00Z"), skipped.Next(Utc("2026-03-07T08:00:00Z")));
        var repeated = DigestSchedule.Parse("30 1 * * *", "America/New_York");
        // 01:30 happens twice on 2026-11-01 (EDT then EST): one fire, at the first.
        Assert.Equal(Utc("2026-11-01T05:30:00Z"), repeated.Next(Utc("2026-10-31T06:00:00Z")));
        Assert.Equal(Utc("2026-11-02T06:30:00Z"), repeated.Next(Utc("2026-11-01T05:30:00Z")));
    }

    [Fact]
    public void After_three_days_down_one_period_covers_everything_since_the_last_digest()
    {
        var schedule = DigestSchedule.Parse("0 9 * * *", "UTC");
        var period = schedule.Due(Utc("2026-11-23T09:00:00Z"), Utc("2026-11-26T15:00:00Z"), Utc("2026-11-26T15:00:00Z"));
        Assert.Equal(new DigestPeriod(Utc("2026-11-23T09:00:00Z"), Utc("2026-11-26T09:00:00Z")), period);
        Assert.Null(schedule.Due(Utc("2026-11-26T09:00:00Z"), Utc("2026-11-26T15:00:00Z"), Utc("2026-11-27T08:59:59Z")));
    }

    [Fact]
    public void A_new_channel_gets_its_first_digest_at_the_first_fire_time_after_start_covering_one_interval()
    {
        var schedule = DigestSchedule.Parse("0 9 * * *", "Europe/Paris");
        var started = Utc("2026-11-26T10:00:00Z");
        Assert.Null(schedule.Due(null, started, Utc("2026-11-27T07:59:00Z")));
        var period = schedule.Due(null, started, Utc("2026-11-27T08:00:00Z"));
        Assert.Equal(new DigestPeriod(Utc("2026-11-26T08:00:00Z"), Utc("2026-11-27T08:00:00Z")), period);
    }

    [Fact]
    public void A_malformed_cron_or_unknown_zone_is_refused()
    {
        Assert.Throws<Cronos.CronFormatException>(() => DigestSchedule.Parse("0 25 * * *", "UTC"));
        Assert.Throws<TimeZoneNotFoundException>(() => DigestSchedule.Parse("0 9 * * *", "Mars/Olympus"));
    }
}
