using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.WebApi;

/// <summary><c>auth.*</c> methods. The bot identity is asked once and then kept.</summary>
internal sealed class AuthApi(SlackWebApiClient client)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackBotIdentity? _identity;

    /// <summary><c>auth.test</c> with the bot token, cached after the first success.</summary>
    public async Task<SlackBotIdentity> GetBotIdentityAsync(CancellationToken cancellationToken)
    {
        if (_identity is { } known) return known;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_identity is { } raced) return raced;
            var response = await client.PostFormAsync("auth.test", new Dictionary<string, string>(),
                SlackJsonContext.Default.AuthTestResponse, SlackTokenKind.Bot, cancellationToken);
            if (string.IsNullOrEmpty(response.UserId)) throw new SlackApiException("auth.test", "missing_user_id");
            return _identity = new SlackBotIdentity(response.UserId, response.BotId);
        }
        finally { _gate.Release(); }
    }
}

/// <summary>The bot's own ids from <c>auth.test</c>: used to strip its mention and ignore its own messages.</summary>
internal sealed record SlackBotIdentity(string UserId, string? BotId);
