namespace Bot.Tests.Slack;

/// <summary><c>/layoffs help</c> and a mention saying only "help", over Socket Mode against the loopback Slack.</summary>
public sealed class SlackHelpTests
{
    [Fact]
    public async Task Layoffs_help_answers_privately_on_the_response_url_with_the_commands_and_examples()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var envelope = SlackFixtures.Json("slack_socket_slash_commands_envelope.json");
        envelope["payload"]!["command"] = "/layoffs";
        envelope["payload"]!["text"] = "help";
        envelope["payload"]!["response_url"] = slack.Peer.BaseUrl + "response/1";

        await slack.Socket.SendAsync(envelope, ct);

        var reply = (await slack.Peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        AssertHelp(reply);
        Assert.Empty(slack.Host.Engine.Requests);
    }

    [Theory]
    [InlineData("<@W23456789> help")]
    [InlineData("<@W23456789>   Help?")]
    public async Task A_mention_saying_only_help_gets_the_help_in_its_thread_only_for_the_asker(string text)
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);

        await slack.Socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", text, "1610241741.000200"), ct);

        var reply = (await slack.Peer.ExpectAsync("chat.postEphemeral", ct)).Json;
        Assert.Equal("U222", (string?)reply["user"]);
        Assert.Equal("1610241741.000200", (string?)reply["thread_ts"]);
        AssertHelp(reply);
        Assert.Empty(slack.Host.Engine.Requests);
    }

    private static void AssertHelp(JsonObject message)
    {
        Assert.StartsWith(ChatHelp.Intro, (string?)message["text"]);
        var blocks = string.Join("\n", message["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"]));
        foreach (var command in new[]
            {
                "/layoffs COMPANY", "/layoffs digest", "/layoffs digest subscribe|unsubscribe", "/layoffs watch add|remove COMPANY",
                "/layoffs watch list", "/layoffs ask QUESTION", "/layoffs help", "@LayoffBot QUESTION",
            })
            Assert.Contains(command + ":", blocks);
        Assert.Equal(3, blocks.Split("Try: \"").Length - 1);
    }
}
