using Bot.Host.State;

namespace Bot.Host.Jobs;

/// <summary>
/// Answers <c>/digest</c>: the digest of the last period posted to any channel, rebuilt from the stored data;
/// when none was posted yet, the digest of the last complete scheduled period.
/// </summary>
internal sealed class LatestDigestProvider(DigestLedger ledger, DigestBuilder builder, DigestRenderer renderer, DigestSchedule schedule,
    TimeProvider time)
    : IDigestProvider
{
    public Task<ChatReply> LatestAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DigestPeriod period;
        if (ledger.LatestSent() is { } sent)
        {
            period = new DigestPeriod(new DateTimeOffset(sent.PeriodStart.ToUniversalTime(), TimeSpan.Zero),
                new DateTimeOffset(sent.PeriodEnd.ToUniversalTime(), TimeSpan.Zero));
        }
        else
        {
            var now = time.GetUtcNow();
            var end = schedule.Previous(now) ?? now;
            period = new DigestPeriod(schedule.Previous(end) ?? end.AddDays(-1), end);
        }
        // Shown to the asking user only (the scheduled post is the public one).
        return Task.FromResult(renderer.Render(builder.Build(period), schedule.Zone) with { Ephemeral = true });
    }
}
