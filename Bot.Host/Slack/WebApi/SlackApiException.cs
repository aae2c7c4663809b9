namespace Bot.Host.Slack.WebApi;

/// <summary>A Web API call answered <c>ok:false</c> (or gave up on rate limits); <see cref="Error"/> is Slack's code.</summary>
internal sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;

    /// <summary>Errors that retrying cannot fix: the token or the app configuration is wrong.</summary>
    public bool IsFatal => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked"
        or "token_expired" or "not_allowed_token_type" or "missing_scope" or "no_permission" or "link_disabled";
}
