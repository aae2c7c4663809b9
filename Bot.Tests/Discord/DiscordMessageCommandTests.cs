using Bot.Host.Discord.Commands;

namespace Bot.Tests.Discord;

/// <summary>The message context menu "Ask LayoffBot about this" against the loopback Discord.</summary>
public sealed class DiscordMessageCommandTests
{
    [Fact]
    public async Task The_selected_messages_text_is_answered_only_for_the_invoker()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var command = MessageCommand("Heard Amazon is cutting 14,000 corporate roles, any idea why?");

        var deferral = await discord.InteractAsync(command, ct);
        var edit = await discord.Peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);

        Assert.Equal((5, 64), ((int)deferral.Json!["type"]!, (int)deferral.Json!["data"]!["flags"]!));
        Assert.Equal(["Heard Amazon is cutting 14,000 corporate roles, any idea why?"], discord.Bot.Engine.Questions);
        Assert.StartsWith("Amazon cut about 18,000 roles", (string)edit.Json!["embeds"]![0]!["description"]!);
        Assert.Equal("Helpful", (string)edit.Json!["components"]![0]!["components"]![0]!["label"]!);
    }

    [Fact]
    public async Task A_message_without_text_is_refused_privately()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);

        var refusal = await discord.InteractAsync(MessageCommand(""), ct);

        Assert.Equal((4, 64), ((int)refusal.Json!["type"]!, (int)refusal.Json!["data"]!["flags"]!));
        Assert.Equal("That message has no text I can read, so there is no question to answer.", (string)refusal.Json!["data"]!["content"]!);
        Assert.Empty(discord.Bot.Engine.Questions);
    }

    [Fact]
    public async Task It_is_registered_as_a_message_command_without_a_description()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);

        var commands = (await discord.Peer.ExpectRequestAsync("PUT", "/commands", ct)).Json!.AsArray();

        var entry = commands.Single(c => (string)c!["name"]! == DiscordCommandCatalog.AskAboutMessageCommand)!;
        Assert.Equal(3, (int)entry["type"]!);
        Assert.Equal("", (string)entry["description"]!);
        Assert.Null(entry["options"]);
    }

    /// <summary>The documented message-command payload as a dispatch, named as our entry, on a message with this text.</summary>
    private static JsonNode MessageCommand(string text)
    {
        var command = DiscordFixtures.Local("interaction_create_message_command.json");
        command["d"]!["data"]!["name"] = DiscordCommandCatalog.AskAboutMessageCommand;
        var target = (string)command["d"]!["data"]!["target_id"]!;
        command["d"]!["data"]!["resolved"]!["messages"]![target]!["content"] = text;
        return command;
    }
}
