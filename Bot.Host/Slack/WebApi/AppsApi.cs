using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.WebApi;

/// <summary><c>apps.*</c> methods (app-level token).</summary>
internal sealed class AppsApi(SlackWebApiClient client)
{
    /// <summary><c>apps.connections.open</c>: a fresh, short-lived Socket Mode URL. Fetch one per connection.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var response = await client.PostFormAsync("apps.connections.open", new Dictionary<string, string>(),
            SlackJsonContext.Default.ConnectionsOpenResponse, SlackTokenKind.App, cancellationToken);
        if (!Uri.TryCreate(response.Url, UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws"))
            throw new SlackApiException("apps.connections.open", "invalid_url");
        return url;
    }
}
