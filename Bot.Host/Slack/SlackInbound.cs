using Bot.Host.Slack.Events.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// One piece of acknowledged work from Slack, whichever transport brought it (Socket Mode or HTTP):
/// an Events API callback, a slash command or an interaction (button click, shortcut).
/// </summary>
internal sealed record SlackInbound
{
    public EventCallback? Event { get; private init; }
    public SlashCommandPayload? Command { get; private init; }
    public SlackInteractionPayload? Interaction { get; private init; }

    public string Kind => Event is not null ? $"event {Event.Event?.Type}"
        : Command is not null ? $"command {Command.Command}"
        : $"interaction {Interaction?.Type}";

    public static SlackInbound From(EventCallback callback) => new() { Event = callback };
    public static SlackInbound From(SlashCommandPayload command) => new() { Command = command };
    public static SlackInbound From(SlackInteractionPayload interaction) => new() { Interaction = interaction };
}
