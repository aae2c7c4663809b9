namespace Bot.Host.Slack;

/// <summary>Checks the Slack section at start; each failure names the setting (never its value).</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken) || !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            errors.Add("Slack:BotToken must be a bot token starting with xoxb-.");
        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            errors.Add("Slack:AppToken must be an app-level token starting with xapp-.");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.");
        switch (options.EffectiveMode)
        {
            case SlackOptions.SocketMode when string.IsNullOrWhiteSpace(options.AppToken):
                errors.Add("Slack:AppToken is required when Slack:Mode is socket.");
                break;
            case SlackOptions.EventsMode when string.IsNullOrWhiteSpace(options.SigningSecret):
                errors.Add("Slack:SigningSecret is required when Slack:Mode is events (or set Slack:AppToken for Socket Mode).");
                break;
            case SlackOptions.SocketMode or SlackOptions.EventsMode:
                break;
            default:
                errors.Add("Slack:Mode must be 'socket' or 'events'.");
                break;
        }
        if (string.IsNullOrWhiteSpace(options.SlashCommand) || !options.SlashCommand.StartsWith('/'))
            errors.Add("Slack:SlashCommand must start with '/', e.g. /layoffs.");
        if (options.AnswerConcurrency is < 1 or > 64)
            errors.Add("Slack:AnswerConcurrency must be between 1 and 64.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
