namespace Bot.Tests.Slack;

/// <summary>Block Kit buttons under answers and their <c>block_actions</c> clicks, over Socket Mode against the loopback Slack.</summary>
public sealed class SlackAnswerButtonsTests
{
    [Fact]
    public async Task A_vote_is_acked_at_once_and_thanked_only_for_the_clicker_then_a_changed_vote_is_noted()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var buttons = await AskAsync(slack, ct);
        Assert.Equal(["Helpful", "Not helpful"], buttons.Select(b => (string?)b!["text"]!["text"]));

        var click = Click(slack, "env-click-1", "trigger-1", buttons[0]!);
        await slack.Socket.SendAsync(click, ct);
        Assert.Equal("env-click-1", (string?)(await slack.Socket.ReceiveJsonAsync(ct))["envelope_id"]);
        var thanks = (await slack.Peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal(("ephemeral", false), ((string?)thanks["response_type"], (bool)thanks["replace_original"]!));
        Assert.Equal("Thanks! I noted that this answer was helpful.", (string?)thanks["text"]);

        await slack.Socket.SendAsync(Click(slack, "env-click-2", "trigger-2", buttons[1]!), ct);
        Assert.Equal("Thanks, I changed your vote to not helpful.", await ResponseTextAsync(slack, ct));
    }

    [Fact]
    public async Task A_redelivered_click_is_handled_once()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var button = (await AskAsync(slack, ct))[0]!;

        await slack.Socket.SendAsync(Click(slack, "env-click-1", "trigger-1", button), ct);
        var redelivered = Click(slack, "env-click-2", "trigger-1", button);
        redelivered["retry_attempt"] = 1;
        await slack.Socket.SendAsync(redelivered, ct);
        await slack.Socket.SendAsync(Click(slack, "env-click-3", "trigger-3", button), ct);

        Assert.Equal("Thanks! I noted that this answer was helpful.", await ResponseTextAsync(slack, ct));
        // One worker handles clicks in order: a second handling of trigger-1 would come before trigger-3's note.
        Assert.Equal("You already marked this answer as helpful.", await ResponseTextAsync(slack, ct));
    }

    [Fact]
    public async Task A_click_on_an_unknown_answer_gets_a_private_note()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);

        await slack.Socket.SendAsync(Click(slack, "env-click-1", "trigger-1", "feedback:down:0123456789abcdef", "0123456789abcdef"), ct);

        var note = (await slack.Peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal("ephemeral", (string?)note["response_type"]);
        Assert.Equal("Sorry, I can't find that answer any more. Please ask the question again.", (string?)note["text"]);
    }

    [Fact]
    public async Task Hide_sources_replaces_the_answer_message_without_its_quotes()
    {
        var ct = Wait.Token();
        var longAnswer = RecordingAnswerEngine.Sample() with
        {
            Citations = Enumerable.Range(1,
                3).Select(n => RecordingAnswerEngine.Sample().Citations[0] with { N = n, Quote = $"quote number {n}" }).ToList(),
        };
        await using var slack = await ConnectedSlackBot.StartAsync(ct,
            s => s.AddSingleton<IAnswerEngine>(new RecordingAnswerEngine(longAnswer)));
        var hide = (await AskAsync(slack, ct))[2]!;
        Assert.Equal("Hide sources", (string?)hide["text"]!["text"]);

        await slack.Socket.SendAsync(Click(slack, "env-click-1", "trigger-1", hide), ct);

        var replaced = (await slack.Peer.ExpectAsync("response_url", ct)).Json;
        Assert.True((bool)replaced["replace_original"]!);
        var blocks = replaced["blocks"]!.AsArray();
        Assert.DoesNotContain(blocks, b => ((string?)b!["text"]?["text"])?.Contains("quote number", StringComparison.Ordinal) == true);
        Assert.Contains("3 quoted sources hidden", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("Show sources", (string?)blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]![2]!["text"]!["text"]);
    }

    /// <summary>Mentions the bot and returns the buttons of the actions block under its answer.</summary>
    private static async Task<JsonArray> AskAsync(ConnectedSlackBot slack, CancellationToken ct)
    {
        await slack.Socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> How many roles did Amazon cut?",
            "1610241741.000200"), ct);
        await slack.Socket.ReceiveJsonAsync(ct); // the ack
        var post = (await slack.Peer.ExpectAsync("chat.postMessage", ct)).Json;
        var actions = post["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!;
        Assert.Equal("answer_actions", (string?)actions["block_id"]);
        var buttons = actions["elements"]!.AsArray();
        Assert.All(buttons, b => Assert.Equal("button", (string?)b!["type"]));
        return buttons;
    }

    /// <summary>The text of the bot's next message to a click's response_url.</summary>
    private static async Task<string?> ResponseTextAsync(ConnectedSlackBot slack, CancellationToken ct) =>
        (string?)(await slack.Peer.ExpectAsync("response_url", ct)).Json["text"];

    /// <summary>A click on <paramref name="button"/>, one of the answer's buttons.</summary>
    private static JsonObject Click(ConnectedSlackBot slack, string envelopeId, string triggerId, JsonNode button) =>
        Click(slack, envelopeId, triggerId, (string)button["action_id"]!, (string)button["value"]!);

    private static JsonObject Click(ConnectedSlackBot slack, string envelopeId, string triggerId, string actionId, string value)
    {
        var envelope = SlackFixtures.Local("socket_interactive_block_actions_envelope.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!;
        payload["trigger_id"] = triggerId;
        payload["response_url"] = slack.Peer.BaseUrl + "response/" + envelopeId;
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["value"] = value;
        return envelope;
    }
}
