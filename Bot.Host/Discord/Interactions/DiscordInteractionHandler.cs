using Bot.Host.Discord.Commands;
using Bot.Host.Discord.Interactions.Protocol;
using Bot.Host.Discord.Rest;

namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Answers slash commands in two steps, whichever transport delivered them. Acknowledge: within
/// Discord's 3 seconds, either refuse at once (unknown command, missing permission) or defer
/// (type 5). Complete: run the neutral command, render the reply, edit the deferred response.
/// </summary>
internal sealed class DiscordInteractionHandler(
    DiscordRestClient rest,
    IServiceScopeFactory scopes,
    DiscordReplyRenderer renderer,
    IInboundDeduplicator deduplicator,
    DiscordAutocompleteHandler autocomplete,
    DiscordComponentHandler components,
    DiscordInteractionResponder responder,
    ILogger<DiscordInteractionHandler> logger)
{
    /// <summary>Sends the initial response; returns the plan when the command was deferred and still needs its answer.</summary>
    public async Task<InteractionPlan?> AcknowledgeAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type is not (DiscordInteractionType.ApplicationCommand or DiscordInteractionType.ApplicationCommandAutocomplete or
            DiscordInteractionType.MessageComponent))
        {
            DiscordLog.InteractionIgnored(logger, interaction.Id, (int)interaction.Type);
            return null;
        }
        if (!deduplicator.TryMarkFirst(DiscordChatPlatform.Platform, interaction.Id))
        {
            DiscordLog.InteractionDuplicate(logger, interaction.Id);
            return null;
        }
        if (interaction.Type == DiscordInteractionType.ApplicationCommandAutocomplete)
        {
            await autocomplete.RespondAsync(interaction, cancellationToken);
            return null;
        }
        if (interaction.Type == DiscordInteractionType.MessageComponent)
        {
            await components.RespondAsync(interaction, cancellationToken);
            return null;
        }

        var definition = DiscordCommandCatalog.Find(interaction.Data?.Name);
        string? refusal = null;
        ChatCommand? command = null;
        if (definition is null)
            refusal = $"I don't know the command /{interaction.Data?.Name}.";
        else
        {
            command = DiscordChatPlatform.ToChatCommand(interaction, definition);
            var subcommand = command.Options.GetValueOrDefault(ChatCommand.SubcommandOption);
            var invoked = $"/{definition.Name}{(subcommand is null ? "" : " " + subcommand)}";
            var adminOnly = definition.RequiresManageGuildFor(subcommand);
            if (adminOnly && !command.IsAdmin)
                refusal = $"{invoked} needs the Manage Server permission.";
            else if (adminOnly && (interaction.GuildId is null || interaction.OutsideInstalledServer))
                // Through a user install a server's admin could run it where the bot is not: watches and digests need the bot in the
                // server.
                refusal = $"{invoked} works only in a server that installed LayoffBot.";
            else if (definition.MainOption is { } main && string.IsNullOrWhiteSpace(command.Options.GetValueOrDefault(main)))
                refusal = definition.IsMessageCommand
                    ? "That message has no text I can read, so there is no question to answer."
                    : $"/{definition.Name} needs the {main} option.";
        }

        if (refusal is not null || command is null || definition is null)
        {
            DiscordLog.InteractionRefused(logger, interaction.Id, interaction.Data?.Name, refusal);
            await responder.ReplyPrivatelyAsync(interaction, ChatReply.Error(refusal ?? "That command is not available."),
                cancellationToken);
            return null;
        }
        if (definition.Name == DiscordCommandCatalog.HelpCommand)
        {
            // Nothing to look up: the help is the immediate reply.
            await responder.ReplyPrivatelyAsync(interaction, ChatHelp.Reply(DiscordCommandCatalog.Usages), cancellationToken);
            return null;
        }

        // Where the bot is not installed, the answer is for the invoker only (decided now: the deferral fixes it).
        var ephemeral = definition.Ephemeral || interaction.OutsideInstalledServer;
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
            new InteractionResponse(InteractionResponseType.DeferredChannelMessageWithSource,
                ephemeral ? new DiscordMessage { Flags = DiscordMessage.EphemeralFlag } : null),
            cancellationToken);
        return new InteractionPlan(interaction, command, ephemeral);
    }

    /// <summary>Runs the command and replaces the "thinking…" message with the answer.</summary>
    public async Task CompleteAsync(InteractionPlan plan, CancellationToken cancellationToken)
    {
        ChatReply reply;
        try
        {
            // One DI scope per command, so handlers may use scoped services (eShop's per-message scope).
            await using var scope = scopes.CreateAsyncScope();
            var commands = scope.ServiceProvider.GetRequiredService<IChatCommandHandler>();
            reply = await commands.HandleAsync(plan.Command, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The user gets a short private note; the details go to the log only.
            DiscordLog.CommandFailed(logger, plan.Command.Name, plan.Interaction.Id, ex);
            reply = ChatReply.Error("Sorry, something went wrong while answering. The details are in the bot's log.");
        }

        var rendered = renderer.Render(reply);
        var interaction = plan.Interaction;
        if (reply.Ephemeral && !plan.Ephemeral)
        {
            // A public deferral cannot be made private: replace it with a private follow-up.
            await rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, cancellationToken);
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token,
                rendered.Message with { Flags = DiscordMessage.EphemeralFlag }, rendered.File, cancellationToken);
        }
        else
        {
            await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, rendered.Message, rendered.File,
                cancellationToken);
        }
        DiscordLog.InteractionAnswered(logger, interaction.Id, plan.Command.Name, reply.IsError);
    }
}

/// <summary>An acknowledged (deferred) slash command waiting for its answer.</summary>
/// <param name="Ephemeral">Whether the deferral was private (the final message inherits it).</param>
internal sealed record InteractionPlan(DiscordInteraction Interaction, ChatCommand Command, bool Ephemeral);
