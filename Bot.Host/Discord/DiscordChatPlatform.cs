using Bot.Host.Discord.Commands;
using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord;

/// <summary>
/// The one place where Discord's types become the neutral chat types: an interaction becomes a
/// <see cref="ChatCommand"/> (replies go the other way through <see cref="DiscordReplyRenderer"/>).
/// </summary>
internal static class DiscordChatPlatform
{
    public const string Platform = "discord";
    private const int SubcommandType = 1;

    public static ChatCommand ToChatCommand(DiscordInteraction interaction, DiscordCommandDefinition definition)
    {
        var options = Options(interaction.Data?.Options);
        if (definition.IsMessageCommand && definition.MainOption is { } target)
            options[target] = TargetMessageText(interaction) ?? "";

        var userId = interaction.Invoker?.Id ?? "unknown";
        var channelId = interaction.ChannelId ?? interaction.GuildId ?? "dm";
        var text = definition.MainOption is { } main ? options.GetValueOrDefault(main, "") : "";
        // Follow-ups carry context per user and channel: a slash command has no thread of its own.
        var request = new ChatRequest(Platform, userId, channelId, ThreadId: userId, text, interaction.Locale);
        return new ChatCommand(definition.ChatName ?? definition.Name, options, request,
            IsAdmin: CanManageGuild(interaction.Member?.Permissions));
    }

    /// <summary>The text of the message a message command was used on (<c>resolved.messages[target_id]</c>).</summary>
    public static string? TargetMessageText(DiscordInteraction interaction) =>
        interaction.Data is { TargetId: { } target, Resolved.Messages: { } messages } && messages.TryGetValue(target, out var message)
            ? message.Content
            : null;

    /// <summary>
    /// Option values by name; a subcommand (type 1, "/watch add") becomes the option <c>subcommand</c> and its own
    /// options join the others.
    /// </summary>
    private static Dictionary<string, string> Options(IReadOnlyList<DiscordInteractionOption>? given)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in given ?? [])
        {
            if (option.Type == SubcommandType)
            {
                options[ChatCommand.SubcommandOption] = option.Name;
                foreach (var (name, value) in Options(option.Options)) options[name] = value;
            }
            else if (option.Value is { } value)
                options[option.Name] = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        }
        return options;
    }

    /// <summary>
    /// MANAGE_GUILD or ADMINISTRATOR in the member's computed permissions. Checked on receipt:
    /// <c>default_member_permissions</c> is only a default that server admins can change. No member
    /// (a DM) means no server to manage.
    /// </summary>
    public static bool CanManageGuild(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (DiscordCommandCatalog.ManageGuildPermission | DiscordCommandCatalog.AdministratorPermission)) != 0;
}
