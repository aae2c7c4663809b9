namespace Bot.Tests.EndToEnd;

/// <summary>
/// The platforms with the real answer engine over the shared articles (no test engine): the seed question
/// goes in over the Discord gateway and a Slack socket, and the verified answer comes out.
/// </summary>
[Collection(ArticlesCollection.Name)]
public sealed class RealEngineChatTests(ArticlesFixture fixture)
{
    private void UseRealEngine(IServiceCollection services) => services.AddSingleton(fixture.Services.Get<IAnswerEngine>());

    [Fact]
    public async Task Discord_ask_over_the_gateway_is_answered_by_the_real_engine_with_verified_quotes()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer, configure: UseRealEngine);
        await bot.StartAsync(ct);
        var gateway = await peer.AcceptGatewayAsync(ct);
        await gateway.SendHelloAsync(ct);
        await gateway.ExpectAsync(2, ct);
        await gateway.SendAsync(peer.Ready(), ct);

        await gateway.SendAsync(InteractionPayloads.Dispatch("ask", "question", "How many roles did Amazon cut and why?"), ct);

        await peer.ExpectRequestAsync("POST", "/callback", ct);
        var edit = await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        var description = (string)edit.Json!["embeds"]![0]!["description"]!;
        Assert.Contains("14,000", description);
        Assert.Contains("> ", description); // quotes rendered as block quotes
        Assert.Equal("mode: extractive", (string)edit.Json!["embeds"]![0]!["footer"]!["text"]!);
        Assert.Empty(edit.Json!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Slack_mention_and_thread_follow_up_are_answered_by_the_real_engine()
    {
        var ct = Wait.Token();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T10:00:00Z"));
        await using var peer = await SlackPeer.StartAsync(clock, ct);
        await using var host = await SlackBotHost.StartAsync(SlackBotHost.SocketSettings(peer), clock, ct, UseRealEngine);
        var socket = await peer.AcceptSocketAsync(ct);
        await socket.SendHelloAsync(ct);

        await socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> How many employees did Meta lay off in November 2022?",
            "1610241741.000200"), ct);
        var first = await peer.ExpectAsync("chat.postMessage", ct);
        Assert.Contains("11,000", (string?)first.Json["text"]);
        Assert.Equal("1610241741.000200", (string?)first.Json["thread_ts"]);

        // "and why?" in the same thread keeps Meta (and November 2022) from the first question.
        var followUp = SlackEnvelopes.Mention("env-2", "Ev2", "<@W23456789> and why?", "1610241799.000300");
        followUp["payload"]!["event"]!["thread_ts"] = "1610241741.000200";
        await socket.SendAsync(followUp, ct);
        // Posting to one channel is paced on the (fake) clock: advance it until the second post goes out.
        var secondPost = peer.ExpectAsync("chat.postMessage", ct);
        await host.AdvanceUntilAsync(secondPost, TimeSpan.FromMilliseconds(500), ct);
        var reply = await secondPost;
        var text = (string?)reply.Json["text"] ?? "";
        Assert.Equal("1610241741.000200", (string?)reply.Json["thread_ts"]);
        Assert.Contains("Reasons given", text);
        Assert.Contains("macroeconomic", text);
    }
}
