using Bot.Host.Chat;
using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord;

/// <summary>A reply in Discord's shape: the message body and, when there is a chart, the file sent with it.</summary>
internal sealed record DiscordRenderedReply(DiscordMessage Message, ChatImage? File);
