namespace Bot.Tests.Discord;

/// <summary><c>/help</c> against the loopback Discord.</summary>
public sealed class DiscordHelpTests
{
    [Fact]
    public async Task Help_lists_every_command_and_three_examples_privately_without_asking_the_engine()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);

        var callback = await discord.InteractAsync(InteractionPayloads.Dispatch("help"), ct);

        var description = (string)DiscordReplies.AssertPrivateMessage(callback)["embeds"]![0]!["description"]!;
        Assert.StartsWith(ChatHelp.Intro, description);
        foreach (var command in new[]
            {
                "/ask question:…", "/layoffs company:… [since:…]", "/digest latest", "/digest subscribe", "/digest unsubscribe", "/sources",
                "/ingest url:…", "/watch add company:…", "/watch remove company:…", "/watch list", "/help",
                    "Apps → Ask LayoffBot about this",
            })
            Assert.Contains("• " + command + ":", description);
        Assert.Equal(3, description.Split("Try: \"").Length - 1);
        Assert.Empty(callback.Json!["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(discord.Bot.Engine.Questions);
    }
}
