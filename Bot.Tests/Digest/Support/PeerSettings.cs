using Bot.Tests.Discord.Support;
using Bot.Tests.Slack.Support;

namespace Bot.Tests.Digest.Support;

/// <summary>Settings that point <c>serve</c> at the loopback Discord (HTTP interactions) and Slack (Events API) peers.</summary>
internal static class PeerSettings
{
    public static Dictionary<string, string?> For(DiscordPeer discord, SlackPeer slack) => new()
    {
        ["Discord:Token"] = "discord-test-token",
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        ["Discord:Mode"] = "http",
        ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        ["Slack:BotToken"] = "xoxb-TEST",
        ["Slack:SigningSecret"] = "test-signing-secret",
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
    };
}
