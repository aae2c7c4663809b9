using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;
using System.Net.Http.Json;

namespace Bot.Host.Slack;

/// <summary>
/// Runs <c>/layoffs</c> through the neutral <see cref="IChatCommandHandler"/> and answers on the command's
/// <c>response_url</c>; a chart goes to the channel through the file upload flow.
/// </summary>
internal sealed class SlackSlashCommandHandler(
    IChatCommandHandler handler,
    SlackBlockRenderer renderer,
    SlackWebApiClient client,
    FilesApi files)
{
    public async Task HandleAsync(SlashCommandPayload payload, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUrl) || responseUrl.Scheme is not ("https" or "http"))
            throw new SlackApiException("response_url", "invalid_response_url");

        var command = ToChatCommand(payload);
        var reply = command.Name == "help"
            ? ChatHelp.Reply(Usages(payload.Command))
            : await handler.HandleAsync(command, cancellationToken);
        var content = renderer.Render(reply);
        var message = new ResponseUrlMessage
        {
            ResponseType = reply.Ephemeral ? "ephemeral" : "in_channel",
            Text = content.Text,
            Blocks = content.Blocks,
        };
        await client.PostToUrlAsync("response_url", responseUrl,
            () => JsonContent.Create(message, SlackJsonContext.Default.ResponseUrlMessage), cancellationToken);
        if (reply.Image is { } image) await files.UploadAsync(image, payload.ChannelId, null, cancellationToken);
    }

    /// <summary>The Slack commands as the help lists them.</summary>
    public static IReadOnlyList<ChatCommandUsage> Usages(string slash) =>
    [
        new($"{slash} COMPANY", "layoffs at a company, with a chart"),
        new($"{slash} digest", "the latest digest"),
        new($"{slash} digest subscribe|unsubscribe", "post the digest in this channel at every scheduled time, or stop"),
        new($"{slash} watch add|remove COMPANY", "post each new layoff round of a company in this channel, or stop"),
        new($"{slash} watch list", "the companies this channel watches"),
        new($"{slash} ask QUESTION", "ask anything about tech layoffs"),
        new($"{slash} help", "this help"),
        new("@LayoffBot QUESTION", "mention me in a channel (or write to me directly); I answer in the thread"),
    ];

    /// <summary>"add Acme Corp" → subcommand add, company "Acme Corp".</summary>
    private static Dictionary<string, string> WatchOptions(string rest)
    {
        var space = rest.IndexOf(' ');
        return new Dictionary<string, string>
        {
            [ChatCommand.SubcommandOption] = (space < 0 ? rest : rest[..space]).ToLowerInvariant(),
            [WatchCommand.CompanyOption] = space < 0 ? "" : rest[(space + 1)..].Trim(),
        };
    }

    /// <summary>
    /// <c>/layoffs watch add|remove|list [COMPANY]</c> → "watch" (anyone may: a slash command carries no workspace role);
    /// <c>/layoffs digest [subscribe|unsubscribe]</c> → "digest"; <c>/layoffs ask QUESTION</c> → "ask";
    /// <c>/layoffs COMPANY</c> → "layoffs" with option company; an empty command → "help" (answered here with the usage).
    /// </summary>
    public static ChatCommand ToChatCommand(SlashCommandPayload payload)
    {
        var text = payload.Text.Trim();
        var firstSpace = text.IndexOf(' ');
        var verb = (firstSpace < 0 ? text : text[..firstSpace]).ToLowerInvariant();
        var rest = firstSpace < 0 ? "" : text[(firstSpace + 1)..].Trim();
        var (name, options) = verb switch
        {
            "" or "help" => ("help", new Dictionary<string, string>()),
            "digest" when rest.Length > 0 =>
                ("digest", new Dictionary<string, string> { [ChatCommand.SubcommandOption] = rest.ToLowerInvariant() }),
            "digest" => ("digest", new Dictionary<string, string>()),
            "ask" => ("ask", new Dictionary<string, string> { ["question"] = rest }),
            "watch" => ("watch", WatchOptions(rest)),
            _ => ("layoffs", new Dictionary<string, string> { ["company"] = text }),
        };
        var request = new ChatRequest(SlackMessageHandler.Platform, payload.UserId, payload.ChannelId, null,
            name == "ask" ? rest : text);
        // Slack tells us nothing about workspace roles here; admin-only commands stay refused.
        return new ChatCommand(name, options, request, IsAdmin: false);
    }
}
