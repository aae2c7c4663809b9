namespace Bot.Host.Jobs;

/// <summary>Settings of the daily digest (section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>The older per-platform keys, <c>Digest:{Platform}ChannelIds</c> (DiscordChannelIds, SlackChannelIds), still read.</summary>
    public const string LegacyChannelsSuffix = "ChannelIds";

    /// <summary>When to post: a cron expression (5 fields, or 6 with seconds) read in <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = "0 9 * * *";
    /// <summary>IANA time zone id, e.g. "Europe/Paris", "America/New_York".</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Channel IDs to post to, per platform name: <c>Digest:Channels:discord</c>, <c>Digest:Channels:slack</c>.</summary>
    public Dictionary<string, List<string>> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>When true an empty period posts nothing instead of a one-line "no new layoffs" message.</summary>
    public bool SkipEmpty { get; set; }

    public bool HasChannels => Channels.Values.Any(c => c.Count > 0);

    public IReadOnlyList<string> ChannelsOf(string platform) => Channels.TryGetValue(platform, out var channels) ? channels : [];

    /// <summary>Adds channel IDs of one platform; each value may hold several, separated by commas, semicolons or spaces.</summary>
    public void AddChannels(string platform, IEnumerable<string?> values)
    {
        if (!Channels.TryGetValue(platform, out var channels)) Channels[platform.ToLowerInvariant()] = channels = [];
        foreach (var value in values)
            foreach (var channel in (value ?? "").Split([',', ';', ' '],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!channels.Contains(channel, StringComparer.Ordinal)) channels.Add(channel);
    }
}
