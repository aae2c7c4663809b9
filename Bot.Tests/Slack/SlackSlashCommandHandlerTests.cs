using Bot.Host.Slack.Events.Protocol;

namespace Bot.Tests.Slack;

public sealed class SlackSlashCommandHandlerTests
{
    private static SlashCommandPayload Payload(string text) => new()
    {
        Command = "/layoffs", Text = text, UserId = "U1", ChannelId = "C1", ResponseUrl = "https://hooks.slack.com/commands/1",
    };

    [Theory]
    [InlineData("digest", "digest", null, null)]
    [InlineData("Digest", "digest", null, null)]
    [InlineData("digest Subscribe", "digest", "subcommand", "subscribe")]
    [InlineData("Amazon", "layoffs", "company", "Amazon")]
    [InlineData("  Meta Platforms ", "layoffs", "company", "Meta Platforms")]
    [InlineData("ask why did Intel cut jobs?", "ask", "question", "why did Intel cut jobs?")]
    [InlineData("", "help", null, null)]
    public void Maps_slash_text_to_a_neutral_command(string text, string name, string? option, string? value)
    {
        var command = SlackSlashCommandHandler.ToChatCommand(Payload(text));
        Assert.Equal(name, command.Name);
        if (option is null) Assert.Empty(command.Options);
        else Assert.Equal(value, command.Options[option]);
        Assert.Equal(("slack", "U1", "C1"), (command.Request.Platform, command.Request.UserId, command.Request.ChannelId));
        Assert.False(command.IsAdmin);
    }

    [Theory]
    [InlineData("watch add Acme Corp", "add", "Acme Corp")]
    [InlineData("watch REMOVE Meta", "remove", "Meta")]
    [InlineData("watch list", "list", "")]
    public void Watch_maps_to_the_neutral_watch_command_with_its_subcommand_and_company(string text, string subcommand, string company)
    {
        var command = SlackSlashCommandHandler.ToChatCommand(Payload(text));
        Assert.Equal("watch", command.Name);
        Assert.Equal((subcommand, company), (command.Options["subcommand"], command.Options["company"]));
        Assert.Equal("C1", command.Request.ChannelId);
    }
}
