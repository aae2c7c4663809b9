namespace Bot.Host.Jobs;

/// <summary>Settings of the daily digest (section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>When to post: a cron expression (5 fields, or 6 with seconds) read in <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = "0 9 * * *";
    /// <summary>IANA time zone id, e.g. "Europe/Paris", "America/New_York".</summary>
    public string TimeZone { get; set; } = "UTC";
    public List<string> DiscordChannelIds { get; set; } = [];
    public List<string> SlackChannelIds { get; set; } = [];
    /// <summary>When true an empty period posts nothing instead of a one-line "no new layoffs" message.</summary>
    public bool SkipEmpty { get; set; }

    public bool HasChannels => DiscordChannelIds.Count > 0 || SlackChannelIds.Count > 0;
}
