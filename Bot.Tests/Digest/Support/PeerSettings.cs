namespace Bot.Tests.Digest.Support;

/// <summary>Settings that point <c>serve</c> at the loopback Discord (HTTP interactions) and Slack (Events API) peers.</summary>
internal static class PeerSettings
{
    /// <param name="extra">The test's own settings, added to (or replacing) the peers'.</param>
    public static Dictionary<string, string?> For(DiscordPeer discord, SlackPeer slack, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "discord-test-token",
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:Mode"] = "http",
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            ["Slack:BotToken"] = "xoxb-TEST",
            ["Slack:SigningSecret"] = "test-signing-secret",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }
}
