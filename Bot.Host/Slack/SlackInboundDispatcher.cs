namespace Bot.Host.Slack;

/// <summary>Drops repeats (same <c>event_id</c>, or <c>trigger_id</c> of a command or interaction) and routes the rest to their
/// handler.</summary>
internal sealed class SlackInboundDispatcher(
    IInboundDeduplicator deduplicator,
    SlackMessageHandler messages,
    SlackSlashCommandHandler commands,
    SlackInteractionHandler interactions,
    SlackAppHomeHandler appHome,
    ILogger<SlackInboundDispatcher> logger)
{
    public Task DispatchAsync(SlackInbound item, CancellationToken cancellationToken)
    {
        var id = item.Event?.EventId ?? item.Command?.TriggerId ?? item.Interaction?.TriggerId;
        if (id is not null && !deduplicator.TryMarkFirst(SlackMessageHandler.Platform, id))
        {
            SlackLog.Duplicate(logger, id);
            return Task.CompletedTask;
        }
        if (item.Command is { } command) return commands.HandleAsync(command, cancellationToken);
        if (item.Interaction is { } interaction) return interactions.HandleAsync(interaction, cancellationToken);
        if (item.Event?.Event is { Type: "app_home_opened" } home) return appHome.HandleAsync(home, cancellationToken);
        if (item.Event?.Event is { } ev) return messages.HandleAsync(ev, cancellationToken);
        SlackLog.Ignored(logger, "event_callback without an event");
        return Task.CompletedTask;
    }
}
