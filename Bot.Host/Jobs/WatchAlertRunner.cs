using Bot.Host.State;

namespace Bot.Host.Jobs;

/// <summary>
/// One pass of the watch alerts: for every watch whose platform is configured, each new round of its company is
/// claimed in the ledger, posted to the channel and marked sent (the digest's rules: a crash between claim and send
/// abandons the alert rather than repeating it; a platform error releases the claim for the next pass; an unreachable
/// channel is marked failed). A handled round becomes known to the watch, so it never alerts again.
/// </summary>
internal sealed class WatchAlertRunner(
    IEnumerable<IChannelPublisher> publishers,
    IWatchStore watches,
    WatchAlertFinder finder,
    WatchAlertLedger ledger,
    WatchAlertRenderer renderer,
    ILogger<WatchAlertRunner> logger)
{
    private readonly Dictionary<string,
        IChannelPublisher> _publishers = publishers.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    private int _passes;

    /// <summary>How many passes have finished: a signal that a pass ran (and posted nothing, if nothing arrived).</summary>
    public int Passes => Volatile.Read(ref _passes);

    /// <summary>Identifies this process's claims in the ledger.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    public void ResolveAbandonedClaims(DateTimeOffset startedAt)
    {
        foreach (var entry in ledger.Entries.AbandonStaleClaims(Owner, startedAt))
            WatchLog.AlertAbandoned(logger, entry.Id, entry.ClaimedAt);
    }

    /// <summary>Posts the alerts due now; returns how many were posted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var watch in watches.All())
        {
            if (!_publishers.TryGetValue(watch.Platform, out var publisher)) continue;
            foreach (var alert in finder.Due(watch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ledger.TryClaim(alert, Owner))
                {
                    watches.MarkKnown(watch.Id, alert.SourceKeys); // another instance has it
                    continue;
                }
                try
                {
                    var messageId = await publisher.PostAsync(watch.ChannelId, renderer.Render(alert), cancellationToken);
                    ledger.Entries.Complete(alert.LedgerId, DigestDeliveryState.Sent, messageId, null);
                    watches.MarkKnown(watch.Id, alert.SourceKeys);
                    WatchLog.AlertPosted(logger, alert.LedgerId, messageId);
                    posted++;
                }
                catch (ChannelUnavailableException ex)
                {
                    ledger.Entries.Complete(alert.LedgerId, DigestDeliveryState.Failed, null, ex.Reason);
                    watches.MarkKnown(watch.Id, alert.SourceKeys);
                    WatchLog.ChannelUnavailable(logger, alert.LedgerId, ex.Reason);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Nothing was posted: the claim goes back and the next pass tries again.
                    ledger.Entries.Release(alert.LedgerId);
                    WatchLog.AlertFailed(logger, alert.LedgerId, ex);
                }
            }
        }
        Interlocked.Increment(ref _passes);
        return posted;
    }
}
