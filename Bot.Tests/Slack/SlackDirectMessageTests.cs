namespace Bot.Tests.Slack;

/// <summary>Direct messages to the bot (<c>message.im</c>) over Socket Mode against the loopback Slack.</summary>
public sealed class SlackDirectMessageTests
{
    private const string DmChannel = "D024BE91L";
    private const string FirstTs = "1355517523.000005";

    [Fact]
    public async Task A_direct_message_is_answered_in_its_thread_and_a_reply_in_that_thread_is_a_follow_up()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);

        await slack.Socket.SendAsync(DirectMessage("env-1", "EvDm1", "how many roles did Amazon cut?", FirstTs), ct);
        var first = (await slack.Peer.ExpectAsync("chat.postMessage", ct)).Json;
        await slack.Socket.SendAsync(DirectMessage("env-2", "EvDm2", "and why?", "1355517600.000001", threadTs: FirstTs), ct);
        // Posts to one channel are paced about a second apart on the (fake) clock.
        var secondPost = slack.Peer.ExpectAsync("chat.postMessage", ct);
        await slack.Host.AdvanceUntilAsync(secondPost, TimeSpan.FromMilliseconds(250), ct);
        var second = (await secondPost).Json;

        Assert.Equal((DmChannel, FirstTs), ((string?)first["channel"], (string?)first["thread_ts"]));
        Assert.Contains("Answer about: how many roles did Amazon cut?", (string?)first["text"]);
        Assert.Equal((DmChannel, FirstTs), ((string?)second["channel"], (string?)second["thread_ts"]));
        var followUp = slack.Host.Engine.Requests[1];
        Assert.Equal("and why?", followUp.Question);
        Assert.Equal("how many roles did Amazon cut?", Assert.Single(followUp.History).Question);
    }

    [Theory]
    [InlineData("own bot")]
    [InlineData("own user")]
    [InlineData("other bot")]
    [InlineData("channel message")]
    public async Task The_bots_own_messages_other_bots_and_channel_messages_are_not_answered(string sender)
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var ignored = DirectMessage("env-1", "EvDm1", "I am an answer, not a question", "1355517523.000001");
        var ev = ignored["payload"]!["event"]!;
        switch (sender)
        {
            case "own bot": ev["bot_id"] = SlackEnvelopes.BotId; break;
            case "own user": ev["user"] = SlackEnvelopes.BotUserId; break;
            case "other bot": ev["bot_id"] = "B0OTHERBOT"; ev["bot_profile"] = new JsonObject { ["name"] = "other" }; break;
            default: ev["channel_type"] = "channel"; ev["channel"] = "C111"; break;
        }

        await slack.Socket.SendAsync(ignored, ct);
        // One worker answers in order: had the first been answered, its reply would come first.
        await slack.Socket.SendAsync(DirectMessage("env-2", "EvDm2", "did Meta cut jobs?", FirstTs), ct);

        var post = (await slack.Peer.ExpectAsync("chat.postMessage", ct)).Json;
        Assert.Contains("did Meta cut jobs?", (string?)post["text"]);
        Assert.Equal(["did Meta cut jobs?"], slack.Host.Engine.Requests.Select(r => r.Question));
    }

    private static JsonObject DirectMessage(string envelopeId, string eventId, string text, string ts, string? threadTs = null)
    {
        var envelope = SlackFixtures.Local("socket_events_api_envelope_message_im.json");
        envelope["envelope_id"] = envelopeId;
        envelope["payload"]!["event_id"] = eventId;
        var ev = envelope["payload"]!["event"]!;
        ev["text"] = text;
        ev["ts"] = ts;
        ev["event_ts"] = ts;
        if (threadTs is not null) ev["thread_ts"] = threadTs;
        return envelope;
    }
}
