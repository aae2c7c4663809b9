using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.WebApi;

/// <summary><c>chat.*</c> methods, paced per channel.</summary>
internal sealed class ChatApi(SlackWebApiClient client, SlackChannelPacer pacer)
{
    /// <summary><c>chat.postMessage</c>; returns the new message's <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(message.Channel, cancellationToken);
        var response = await client.PostJsonAsync("chat.postMessage", message,
            SlackJsonContext.Default.PostMessageRequest, SlackJsonContext.Default.PostMessageResponse,
            SlackTokenKind.Bot, cancellationToken);
        return response.Ts;
    }

    /// <summary><c>chat.postEphemeral</c>: only <see cref="PostEphemeralRequest.User"/> sees it (refusals, rate-limit notices).</summary>
    public async Task PostEphemeralAsync(PostEphemeralRequest message, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(message.Channel, cancellationToken);
        await client.PostJsonAsync("chat.postEphemeral", message,
            SlackJsonContext.Default.PostEphemeralRequest, SlackJsonContext.Default.SlackApiResponse,
            SlackTokenKind.Bot, cancellationToken);
    }
}
