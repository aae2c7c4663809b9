using System.Globalization;
using Bot.Knowledge.Digest;
using Microsoft.Extensions.Options;

namespace Bot.Host.Jobs;

/// <summary>Checks the <c>Digest</c> section at start; each failure names the setting.</summary>
internal sealed class DigestOptionsValidator(bool discordConfigured, bool slackConfigured) : IValidateOptions<DigestOptions>
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
            failures.Add($"Digest:Cron '{options.Cron}' is not a valid cron expression (5 fields, e.g. \"0 9 * * *\" for 09:00 daily): {ex.Message}");
        }
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone ?? "");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"Digest:TimeZone '{options.TimeZone}' is not a known IANA time zone id (e.g. \"UTC\", \"Europe/Paris\", \"America/New_York\").");
        }
        foreach (var channel in options.DiscordChannelIds)
            if (!ulong.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                failures.Add($"Digest:DiscordChannelIds contains '{channel}', which is not a numeric Discord channel ID.");
        foreach (var channel in options.SlackChannelIds)
            if (string.IsNullOrWhiteSpace(channel) || !channel.All(char.IsAsciiLetterOrDigit))
                failures.Add($"Digest:SlackChannelIds contains '{channel}', which is not a Slack channel ID (e.g. C0123456789).");
        if (options.DiscordChannelIds.Count > 0 && !discordConfigured)
            failures.Add("Digest:DiscordChannelIds is set but Discord is not configured (Discord:Token is empty).");
        if (options.SlackChannelIds.Count > 0 && !slackConfigured)
            failures.Add("Digest:SlackChannelIds is set but Slack is not configured (Slack:BotToken is empty).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
