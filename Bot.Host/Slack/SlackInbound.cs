using Bot.Host.Slack.Events.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// One piece of acknowledged work from Slack, whichever transport brought it (Socket Mode or HTTP):
/// an Events API callback or a slash command.
/// </summary>
internal sealed record SlackInbound
{
    public EventCallback? Event { get; private init; }
    public SlashCommandPayload? Command { get; private init; }

    public string Kind => Event is not null ? $"event {Event.Event?.Type}" : $"command {Command?.Command}";

    public static SlackInbound From(EventCallback callback) => new() { Event = callback };
    public static SlackInbound From(SlashCommandPayload command) => new() { Command = command };
}
