using Bot.Host.Discord.Commands;
using Bot.Host.Discord.Interactions;
using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Tests.Discord;

public sealed class DiscordChatPlatformTests
{
    [Fact]
    public void A_guild_slash_command_becomes_a_neutral_chat_command()
    {
        var interaction = Parse(InteractionPayloads.Body("ask", "question", "Why did Meta cut jobs?").ToJsonString());

        var command = DiscordChatPlatform.ToChatCommand(interaction, DiscordCommandCatalog.Find("ask")!);

        Assert.Equal("ask", command.Name);
        Assert.Equal("Why did Meta cut jobs?", command.Options["question"]);
        Assert.Equal("Why did Meta cut jobs?", command.Request.Text);
        Assert.Equal("discord", command.Request.Platform);
        Assert.Equal("395786107780071424", command.Request.UserId); // member.user.id
        Assert.Equal("1011977515109187707", command.Request.ChannelId);
        Assert.Equal("en-US", command.Request.Locale);
        Assert.True(command.IsAdmin); // the capture's member has every permission
    }

    [Fact]
    public void A_dm_command_takes_the_user_and_is_never_admin()
    {
        var body = InteractionPayloads.Body("ask", "question", "hi");
        body.AsObject().Remove("member");
        body["user"] = JsonSerializer.SerializeToNode(new { id = "53908232506183680", username = "Mason" });

        var command = DiscordChatPlatform.ToChatCommand(Parse(body.ToJsonString()), DiscordCommandCatalog.Find("ask")!);

        Assert.Equal("53908232506183680", command.Request.UserId);
        Assert.False(command.IsAdmin);
    }

    [Theory]
    [InlineData("32", true)]                  // MANAGE_GUILD
    [InlineData("8", true)]                   // ADMINISTRATOR
    [InlineData("2147483647", true)]
    [InlineData("2048", false)]               // SEND_MESSAGES only
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-32", false)]
    public void Manage_server_is_read_from_the_member_permission_bits(string? permissions, bool expected) =>
        Assert.Equal(expected, DiscordChatPlatform.CanManageGuild(permissions));

    [Fact]
    public void Ingest_and_watch_are_registered_for_manage_server_members_in_guilds_only()
    {
        string[] adminOnly = ["ingest", "watch"];
        foreach (var name in adminOnly)
        {
            var command = DiscordCommandCatalog.Find(name)!;
            Assert.True(command.RequiresManageGuild);
            Assert.Equal("32", command.Command.DefaultMemberPermissions);
            Assert.Equal([0], command.Command.Contexts!);
        }
        Assert.All(DiscordCommandCatalog.All.Where(d => !adminOnly.Contains(d.Name)), d => Assert.Null(d.Command.DefaultMemberPermissions));
    }

    private static DiscordInteraction Parse(string json) =>
        JsonSerializer.Deserialize(json, DiscordJsonContext.Default.DiscordInteraction)!;
}
