namespace Bot.Knowledge.Watches;

/// <summary>A new layoff round of a watched company, due in the watching channel.</summary>
public sealed record WatchAlert(CompanyWatch Watch, LayoffRound Round)
{
    /// <summary>The ledger id: one alert per (platform, channel, round).</summary>
    public string LedgerId => $"{Watch.Platform}:{Watch.ChannelId}:{Round.Id}";

    public IReadOnlyList<string> SourceKeys => RoundSources.Keys(Round).ToList();
}
