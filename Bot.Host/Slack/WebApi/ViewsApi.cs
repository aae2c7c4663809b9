using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.WebApi;

/// <summary><c>views.*</c> methods (bot token).</summary>
internal sealed class ViewsApi(SlackWebApiClient client)
{
    /// <summary><c>views.publish</c>: replaces the user's App Home tab with this view.</summary>
    public Task PublishHomeAsync(string userId, IReadOnlyList<SlackBlock> blocks, CancellationToken cancellationToken) =>
        client.PostJsonAsync("views.publish", new PublishViewRequest(userId, new HomeView(blocks)),
            SlackJsonContext.Default.PublishViewRequest, SlackJsonContext.Default.SlackApiResponse,
            SlackTokenKind.Bot, cancellationToken);
}
