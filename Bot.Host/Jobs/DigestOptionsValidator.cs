namespace Bot.Host.Jobs;

/// <summary>Checks the schedule of the <c>Digest</c> section at start; each failure names the setting.</summary>
internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        try
        {
            DigestSchedule.Parse(options.Cron ?? "", "UTC");
        }
        catch (Exception ex) when (ex is Cronos.CronFormatException or ArgumentException)
        {
            failures.Add($"Digest:Cron '{options.Cron}' is not a valid cron expression (5 fields, e.g. \"0 9 * * *\" for 09:00 daily): " +
                $"{ex.Message}");
        }
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone ?? "");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"Digest:TimeZone '{options.TimeZone}' is not a known IANA time zone id (e.g. \"UTC\", \"Europe/Paris\", " +
                $"\"America/New_York\").");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Checks the digest's channel lists when <c>serve</c> posts them: each names a platform the bot has, that platform is
/// configured, and each ID has the platform's shape. Failures name the setting both ways it may be spelled.
/// </summary>
internal sealed class DigestChannelsValidator(IEnumerable<DeliveryPlatform> platforms) : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, channels) in options.Channels.Where(c => c.Value.Count > 0))
        {
            var platform = platforms.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (platform is null)
            {
                var known = string.Join(", ", platforms.Select(p => p.Name));
                failures.Add($"Digest:Channels:{key} names no chat platform this bot has ({known}).");
                continue;
            }
            var setting = $"Digest:Channels:{platform.Name} (Digest:{platform.DisplayName}{DigestOptions.LegacyChannelsSuffix})";
            foreach (var channel in channels.Where(c => !platform.IsChannelId(c)))
                failures.Add($"{setting} contains '{channel}', which is not {platform.ChannelIdShape}.");
            if (!platform.Configured)
                failures.Add($"{setting} is set but {platform.DisplayName} is not configured ({platform.RequiredSetting} is empty).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
