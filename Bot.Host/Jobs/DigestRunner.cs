using Bot.Host.State;

namespace Bot.Host.Jobs;

/// <summary>
/// One pass of the digest job over every configured or subscribed channel: for each channel whose period is due, claim it in
/// the ledger, build the content (once per period), post, and mark it sent. A channel that cannot be posted to
/// is marked failed and logged; the others go on. Returns when to look again.
/// </summary>
internal sealed class DigestRunner(
    IEnumerable<IChannelPublisher> publishers,
    DigestLedger ledger,
    IDigestSubscriptionStore subscriptions,
    DigestBuilder builder,
    DigestRenderer renderer,
    DigestSchedule schedule,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestRunner> logger)
{
    /// <summary>How long a channel waits after a failed post (the platform said no, or the network failed) before the next try.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>Identifies this process's claims in the ledger.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    private readonly Dictionary<string,
        IChannelPublisher> _publishers = publishers.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured channels, then those subscribed by command (read again on every pass).</summary>
    public IReadOnlyList<DigestTarget> Targets => BuildTargets();

    /// <summary>Resolves claims an earlier process left unsent: logged and never re-posted (at-most-once).</summary>
    public void ResolveAbandonedClaims(DateTimeOffset startedAt)
    {
        foreach (var entry in ledger.AbandonStaleClaims(Owner, startedAt))
            JobsLog.ClaimAbandoned(logger, entry.PeriodStart, entry.PeriodEnd, entry.Platform, entry.ChannelId, entry.ClaimedAt);
    }

    public async Task<DateTimeOffset> RunDueAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wake = DateTimeOffset.MaxValue;
        var built = new Dictionary<DigestPeriod, DigestContent>();
        foreach (var target in Targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var publisher = _publishers[target.Platform];
            var platform = publisher.Platform;
            // A channel subscribed later starts at its subscription, as a configured one starts with the scheduler.
            var since = target.SubscribedAt is { } subscribed && subscribed > startedAt ? subscribed : startedAt;
            var period = schedule.Due(ledger.LastCoveredEnd(platform, target.ChannelId), since, now);
            if (period is not null)
            {
                if (!ledger.TryClaim(platform, target.ChannelId, period, Owner))
                {
                    JobsLog.AlreadyClaimed(logger, period.To, platform, target.ChannelId);
                }
                else if (!await DeliverAsync(publisher, target, period, built, cancellationToken))
                {
                    var retryAt = now + RetryDelay;
                    if (retryAt < wake) wake = retryAt;
                    continue;
                }
            }
            if (schedule.NextDue(ledger.LastCoveredEnd(platform, target.ChannelId), since) is { } next && next < wake) wake = next;
        }
        // No channel yet: look again at the next fire time, when a channel may have subscribed.
        if (wake == DateTimeOffset.MaxValue && _publishers.Count > 0 && schedule.Next(now) is { } fire) wake = fire;
        return wake;
    }

    /// <summary>False when the digest could not be built or posted in a way worth retrying (the claim was released).</summary>
    private async Task<bool> DeliverAsync(IChannelPublisher publisher, DigestTarget target, DigestPeriod period,
        Dictionary<DigestPeriod, DigestContent> built, CancellationToken cancellationToken)
    {
        var platform = publisher.Platform;
        try
        {
            if (!built.TryGetValue(period, out var content)) built[period] = content = builder.Build(period);
            if (content.IsEmpty && options.Value.SkipEmpty)
            {
                ledger.MarkSkipped(platform, target.ChannelId, period, "empty period, Digest:SkipEmpty");
                JobsLog.EmptySkipped(logger, period.From, period.To, platform, target.ChannelId);
                return true;
            }
            var reply = renderer.Render(content, schedule.Zone);
            var messageId = await publisher.PostAsync(target.ChannelId, reply, cancellationToken);
            ledger.MarkSent(platform, target.ChannelId, period, messageId);
            JobsLog.DigestPosted(logger, period.From, period.To, platform, target.ChannelId, messageId);
            return true;
        }
        catch (ChannelUnavailableException ex)
        {
            ledger.MarkFailed(platform, target.ChannelId, period, ex.Reason);
            JobsLog.ChannelUnavailable(logger, platform, target.ChannelId, ex.Reason);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Building failed, or the platform refused or the request failed: nothing was posted, so the claim goes back.
            ledger.Release(platform, target.ChannelId, period);
            JobsLog.PostFailed(logger, platform, target.ChannelId, time.GetUtcNow() + RetryDelay, ex);
            return false;
        }
    }

    private List<DigestTarget> BuildTargets()
    {
        // Each target names its platform as its publisher does, so ledger keys do not depend on how a setting was spelled.
        var targets = new List<DigestTarget>();
        foreach (var (platform, channels) in options.Value.Channels)
            if (_publishers.TryGetValue(platform, out var publisher))
                targets.AddRange(channels.Distinct().Select(c => new DigestTarget(publisher.Platform, c)));
        foreach (var subscription in subscriptions.All())
        {
            if (!_publishers.TryGetValue(subscription.Platform, out var publisher)) continue;
            if (targets.Any(t => t.Platform == publisher.Platform && t.ChannelId == subscription.ChannelId)) continue;
            var subscribedAt = new DateTimeOffset(subscription.AddedAt.ToUniversalTime(), TimeSpan.Zero);
            targets.Add(new DigestTarget(publisher.Platform, subscription.ChannelId, subscribedAt));
        }
        return targets;
    }
}
