namespace Bot.Tests.Slack;

/// <summary>The message shortcut "Ask LayoffBot about this" (<c>message_action</c>) over Socket Mode against the loopback Slack.</summary>
public sealed class SlackMessageShortcutTests
{
    [Fact]
    public async Task The_messages_text_is_asked_and_answered_only_for_the_user_on_the_response_url()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var shortcut = Shortcut(slack, "Heard Amazon is cutting 14,000 roles &amp; more, any idea why?");

        await slack.Socket.SendAsync(shortcut, ct);

        Assert.Equal((string?)shortcut["envelope_id"], (string?)(await slack.Socket.ReceiveJsonAsync(ct))["envelope_id"]);
        var reply = (await slack.Peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal(("ephemeral", false), ((string?)reply["response_type"], (bool)reply["replace_original"]!));
        Assert.Contains("Answer about: Heard Amazon is cutting 14,000 roles &amp; more, any idea why?", (string?)reply["text"]);
        Assert.Equal("Heard Amazon is cutting 14,000 roles & more, any idea why?", Assert.Single(slack.Host.Engine.Requests).Question);
        Assert.Contains(reply["blocks"]!.AsArray(), b => (string?)b!["type"] == "actions");
        Assert.False(slack.Peer.HasPending("chat.postMessage"));
    }

    [Fact]
    public async Task A_message_without_text_gets_a_private_note_and_asks_nothing()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);

        await slack.Socket.SendAsync(Shortcut(slack, ""), ct);

        var reply = (await slack.Peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal("That message has no text I can read, so there is no question to answer.", (string?)reply["text"]);
        Assert.Empty(slack.Host.Engine.Requests);
    }

    private static JsonObject Shortcut(ConnectedSlackBot slack, string text)
    {
        var envelope = SlackFixtures.Local("socket_interactive_message_action_envelope.json");
        envelope["payload"]!["response_url"] = slack.Peer.BaseUrl + "response/shortcut";
        envelope["payload"]!["message"]!["text"] = text;
        return envelope;
    }
}
