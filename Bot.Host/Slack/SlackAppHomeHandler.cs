using Bot.Host.State;
using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// The App Home tab (<c>app_home_opened</c> with <c>tab: home</c>): published with <c>views.publish</c> each time
/// it is opened, so it shows what the bot does, example questions, the commands, the channels' company watches
/// and the latest digest summary.
/// </summary>
internal sealed class SlackAppHomeHandler(
    ViewsApi views, IDigestProvider digests, IWatchStore watches, IOptions<SlackOptions> options, ILogger<SlackAppHomeHandler> logger)
{
    private const int WatchLines = 20;
    private const int DigestLines = 8;

    public async Task HandleAsync(SlackEvent ev, CancellationToken cancellationToken)
    {
        if (ev.Tab != "home" || ev.User is null)
        {
            SlackLog.Ignored(logger, $"app_home_opened on the {ev.Tab ?? "unknown"} tab");
            return;
        }
        await views.PublishHomeAsync(ev.User, await BlocksAsync(cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<SlackBlock>> BlocksAsync(CancellationToken cancellationToken)
    {
        var blocks = new List<SlackBlock>
        {
            SlackBlock.Header("LayoffBot"),
            SlackBlock.Section(SlackText.Escape(ChatHelp.Intro)),
            SlackBlock.Section("*Try asking*\n" + string.Join("\n", ChatHelp.ExampleQuestions.Select(q => "• " + SlackText.Escape(q)))),
            SlackBlock.Section("*Commands*\n" + string.Join("\n",
                SlackSlashCommandHandler.Usages(options.Value.SlashCommand).Select(u
                    => $"• {SlackText.Escape(u.Usage)}: {SlackText.Escape(u.Description)}"))),
            SlackBlock.Divider(),
        };
        // The Home tab belongs to no channel: it lists the workspace's channel watches, each with its channel.
        var watched = watches.All().Where(w => w.Platform == SlackMessageHandler.Platform)
            .OrderBy(w => w.Company, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.ChannelId, StringComparer.Ordinal).ToList();
        blocks.Add(SlackBlock.Section(watched.Count == 0
            ? "*Company watches*\nNo channel watches a company yet: `" + options.Value.SlashCommand
                + " watch add COMPANY` in a channel adds one."
            : "*Company watches*\n" + string.Join("\n",
                watched.Take(WatchLines).Select(w => $"• {SlackText.Escape(w.Company)} in <#{w.ChannelId}>"))
              + (watched.Count > WatchLines ? $"\n… and {watched.Count - WatchLines} more" : "")));
        var digest = await digests.LatestAsync(cancellationToken);
        if (!digest.IsError && !string.IsNullOrWhiteSpace(digest.Text))
        {
            var summary = "*Latest digest*\n" + SlackText.Escape(digest.Text.Trim());
            var lines = digest.Lines.Take(DigestLines).Select(l => "• " + SlackText.Escape(l));
            blocks.Add(SlackBlock.Section(SlackText.Shorten(string.Join("\n", [summary, .. lines]), SlackBlockRenderer.MaxSectionChars)));
        }
        return blocks;
    }
}
