namespace Bot.Tests.Discord.Support;

/// <summary>Checks on the interaction responses the loopback Discord received from the bot.</summary>
internal static class DiscordReplies
{
    /// <summary>
    /// Asserts that <paramref name="callback"/> answers with a message (type 4) only the invoker sees (flags 64,
    /// EPHEMERAL), and returns the message's data.
    /// </summary>
    public static JsonNode AssertPrivateMessage(RecordedDiscordRequest callback)
    {
        Assert.Equal(4, (int)callback.Json!["type"]!);
        var data = callback.Json!["data"]!;
        Assert.Equal(64, (int)data["flags"]!);
        return data;
    }
}
