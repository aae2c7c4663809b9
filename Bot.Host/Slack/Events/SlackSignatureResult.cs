namespace Bot.Host.Slack.Events;

internal enum SlackSignatureResult
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    Mismatch,
}
