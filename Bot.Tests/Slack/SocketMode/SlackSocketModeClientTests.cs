using Bot.Host.Slack.SocketMode;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Slack.SocketMode;

/// <summary>The Socket Mode bot against a loopback Slack (Web API + WebSocket) speaking the real protocol.</summary>
public sealed class SlackSocketModeClientTests
{
    [Fact]
    public async Task Mention_is_acked_before_the_answer_and_answered_in_its_thread()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var open = await peer.ExpectAsync("apps.connections.open", ct);
        Assert.Equal("Bearer xapp-test-app-token", open.Authorization);
        var sent = Stopwatch.StartNew();
        await socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> How many roles did Amazon cut?", "1610241741.000200"),
            ct);

        var ack = await socket.ReceiveJsonAsync(ct);
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(3), $"ack took {sent.Elapsed}");
        Assert.Equal("env-1", (string?)ack["envelope_id"]);
        Assert.False(host.Engine.Gate.Task.IsCompleted);
        Assert.False(peer.HasPending("chat.postMessage")); // the answer is still being worked out

        Assert.Equal("How many roles did Amazon cut?", (await host.Engine.FirstCall.WaitAsync(ct)).Question);
        host.Engine.Gate.SetResult();
        var post = await peer.ExpectAsync("chat.postMessage", ct);
        Assert.Equal("Bearer xoxb-TEST", post.Authorization);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        var body = post.Json;
        Assert.Equal("C111", (string?)body["channel"]);
        Assert.Equal("1610241741.000200", (string?)body["thread_ts"]);
        Assert.Contains("Answer about: How many roles did Amazon cut?", (string?)body["text"]);
        Assert.False((bool)body["unfurl_links"]!);
        Assert.Contains(body["blocks"]!.AsArray(), b => (string?)b!["type"] == "context");
    }

    [Fact]
    public async Task Redelivered_event_is_acked_again_but_answered_once()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;

        await socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> Did Meta cut jobs?", "1610241741.000200"), ct);
        var retry = SlackEnvelopes.Mention("env-2", "Ev1", "<@W23456789> Did Meta cut jobs?", "1610241741.000200");
        retry["retry_attempt"] = 1;
        retry["retry_reason"] = "timeout";
        await socket.SendAsync(retry, ct);
        await socket.SendAsync(SlackEnvelopes.Mention("env-3", "Ev2", "<@W23456789> Did Google cut jobs?", "1610241800.000100",
            channel: "C222"), ct);

        for (var i = 1; i <= 3; i++) Assert.Equal($"env-{i}", (string?)(await socket.ReceiveJsonAsync(ct))["envelope_id"]);
        // One worker answers in order, so a second answer to Ev1 would come before the answer to Ev2.
        Assert.Equal("1610241741.000200", (string?)(await peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);
        Assert.Equal("1610241800.000100", (string?)(await peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);
        Assert.Equal(["Did Meta cut jobs?", "Did Google cut jobs?"], host.Engine.Requests.Select(r => r.Question));
    }

    [Theory]
    [InlineData("slack_socket_disconnect.json")]
    [InlineData("slack_socket_disconnect_warning.json")]
    public async Task Disconnect_opens_a_new_connection_and_uses_it(string fixture)
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, first) = bot;

        await first.SendAsync(SlackFixtures.Text(fixture), ct);
        var second = await peer.AcceptSocketAsync(ct);
        Assert.Equal(2, second.Ticket);
        await second.SendHelloAsync(ct);
        Assert.Null(await first.ReceiveAsync(ct)); // the bot retires the old connection after the new hello

        await second.SendAsync(SlackEnvelopes.Mention("env-9", "Ev9", "<@W23456789> Who cut jobs at Intel?", "1610241900.000100"), ct);
        Assert.Equal("env-9", (string?)(await second.ReceiveJsonAsync(ct))["envelope_id"]);
        Assert.Equal("1610241900.000100", (string?)(await peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);
        Assert.Equal(2, peer.ConnectionsOpened);
    }

    [Fact]
    public async Task Refresh_whose_new_connection_fails_retires_the_old_one_and_retries_after_a_backoff()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, first) = bot;
        await peer.ExpectAsync("apps.connections.open", ct);
        peer.RespondOnce("apps.connections.open", HttpStatusCode.OK, new Dictionary<string, string>(),
            new JsonObject { ["ok"] = false, ["error"] = "internal_error" });

        await first.SendAsync(SlackFixtures.Text("slack_socket_disconnect.json"), ct);
        await peer.ExpectAsync("apps.connections.open", ct); // the failed attempt
        Assert.Null(await first.ReceiveAsync(ct));
        var waited = await host.AdvanceUntilAsync(peer.AcceptSocketAsync(ct), TimeSpan.FromMilliseconds(100), ct);
        Assert.True(waited >= SlackSocketModeClient.Backoff.Initial / 2, $"retried after {waited}");
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("internal_error"));
    }

    [Fact]
    public async Task Rejected_token_stops_socket_mode_without_looping()
    {
        var ct = Wait.Token();
        var clock = new FakeTimeProvider();
        await using var peer = await SlackPeer.StartAsync(clock, ct);
        peer.RespondOnce("auth.test", HttpStatusCode.OK, new Dictionary<string, string>(),
            SlackFixtures.Json("slack_error_invalid_auth.json"));
        await using var host = await SlackBotHost.StartAsync(SlackBotHost.SocketSettings(peer), clock, ct);

        var client = host.App.Services.GetServices<IHostedService>().OfType<SlackSocketModeClient>().Single();
        await client.ExecuteTask!.WaitAsync(ct);
        Assert.Equal(0, peer.ConnectionsOpened);
        var response = await host.Http.GetAsync(host.BaseUrl + "health", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("invalid_auth", health);
        Assert.DoesNotContain("xoxb-TEST", health);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains("xoxb-TEST") || l.Message.Contains("xapp-test-app-token"));
    }

    [Fact]
    public async Task Link_disabled_stops_socket_mode_and_reports_it_on_health()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;

        await socket.SendAsync(SlackFixtures.Text("slack_socket_disconnect_link_disabled.json"), ct);
        Assert.Null(await socket.ReceiveAsync(ct));
        var client = host.App.Services.GetServices<IHostedService>().OfType<SlackSocketModeClient>().Single();
        await client.ExecuteTask!.WaitAsync(ct);

        Assert.Equal(1, peer.ConnectionsOpened);
        var slack = host.App.Services.GetServices<IHealthReporter>().Single(r => r.Name == "slack");
        Assert.False(slack.IsHealthy);
        var health = await host.Http.GetAsync(host.BaseUrl + "health", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("link_disabled", await health.Content.ReadAsStringAsync(ct));
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("link_disabled"));
    }

    [Fact]
    public async Task Dropped_socket_reconnects_after_a_backoff_on_the_clock()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;
        var slack = host.App.Services.GetServices<IHealthReporter>().Single(r => r.Name == "slack");
        await peer.ExpectAsync("apps.connections.open", ct);

        socket.Abort();
        var waited = await host.AdvanceUntilAsync(peer.ExpectAsync("apps.connections.open", ct), TimeSpan.FromMilliseconds(100), ct);
        // At least the smallest first backoff; the upper bound is loose because the clock keeps moving while the request travels.
        Assert.InRange(waited, SlackSocketModeClient.Backoff.Initial / 2, TimeSpan.FromSeconds(30));
        Assert.False(slack.IsHealthy);

        var next = await peer.AcceptSocketAsync(ct);
        await next.SendHelloAsync(ct);
        await next.SendAsync(SlackEnvelopes.Mention("env-5", "Ev5", "<@W23456789> Any layoffs at Dell?", "1610242000.000100"), ct);
        Assert.Equal("env-5", (string?)(await next.ReceiveJsonAsync(ct))["envelope_id"]);
        Assert.True(slack.IsHealthy);
    }

    [Fact]
    public async Task Connection_without_hello_is_abandoned_and_replaced()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct, hello: false);
        var (peer, host, silent) = bot;
        await peer.ExpectAsync("apps.connections.open", ct);

        var waited = await host.AdvanceUntilAsync(peer.ExpectAsync("apps.connections.open", ct), TimeSpan.FromMilliseconds(500), ct);
        Assert.True(waited >= SlackSocketModeClient.HelloTimeout, $"gave up after {waited}");
        Assert.Null(await silent.ReceiveAsync(ct)); // the silent connection was dropped
        var next = await peer.AcceptSocketAsync(ct);
        await next.SendHelloAsync(ct);
        await next.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> Layoffs at HP?", "1610241741.000200"), ct);
        Assert.Equal("env-1", (string?)(await next.ReceiveJsonAsync(ct))["envelope_id"]);
    }

    [Fact]
    public async Task Refusals_such_as_the_rate_limit_go_only_to_the_asker()
    {
        var ct = Wait.Token();
        await using var bot =
            await ConnectedSlackBot.StartAsync(ct, settings: new Dictionary<string, string?> { ["Chat:QuestionsPerMinute"] = "1" });
        var (peer, host, socket) = bot;

        await socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> Layoffs at Cisco?", "1610241741.000200"), ct);
        await socket.SendAsync(SlackEnvelopes.Mention("env-2", "Ev2", "<@W23456789> And at Oracle?", "1610241742.000200", channel: "C222"),
            ct);

        Assert.Equal("1610241741.000200", (string?)(await peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);
        var refusal = (await peer.ExpectAsync("chat.postEphemeral", ct)).Json;
        Assert.Equal(("C222", "U222", "1610241742.000200"),
            ((string?)refusal["channel"], (string?)refusal["user"], (string?)refusal["thread_ts"]));
        Assert.Contains("faster than I can check sources", (string?)refusal["text"]);
        Assert.Single(host.Engine.Requests);
        Assert.False(peer.HasPending("chat.postMessage"));
    }

    [Fact]
    public async Task Rate_limited_post_is_retried_after_Retry_After()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;
        var limited = SlackFixtures.Json("rate_limit_429.json");
        var retryAfter = (string)limited["headers"]!["Retry-After"]!;
        peer.RespondOnce("chat.postMessage", HttpStatusCode.TooManyRequests,
            new Dictionary<string, string> { ["Retry-After"] = retryAfter }, limited["body"]!.DeepClone());

        await socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> How many at Salesforce?", "1610241741.000200"), ct);
        var refused = await peer.ExpectAsync("chat.postMessage", ct);
        var retried = peer.ExpectAsync("chat.postMessage", ct);
        await host.AdvanceUntilAsync(retried, TimeSpan.FromSeconds(1), ct);
        var accepted = await retried;

        Assert.True(accepted.At - refused.At >= TimeSpan.FromSeconds(int.Parse(retryAfter)), $"retried after {accepted.At - refused.At}");
        Assert.Equal(refused.Text, accepted.Text);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("rate limited"));
    }

    [Fact]
    public async Task Messages_from_bots_from_itself_and_edits_are_ignored()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;

        var selfBot = SlackFixtures.Json("slack_self_bot_message_event_callback.json");
        selfBot["event_id"] = "EvSelfBot";
        var edit = SlackFixtures.Json("slack_message_changed_event_callback.json");
        edit["event_id"] = "EvEdit";
        var selfMention = SlackEnvelopes.Mention("env-3", "EvSelfMention", "<@W23456789> talking to myself", "1610241700.000001",
            user: SlackEnvelopes.BotUserId);
        var otherBot = SlackEnvelopes.Mention("env-4", "EvOtherBot", "<@W23456789> I am a bot", "1610241700.000002");
        otherBot["payload"]!["event"]!["bot_id"] = "B999OTHER";

        await socket.SendAsync(SlackEnvelopes.Wrap("env-1", selfBot), ct);
        await socket.SendAsync(SlackEnvelopes.Wrap("env-2", edit), ct);
        await socket.SendAsync(selfMention, ct);
        await socket.SendAsync(otherBot, ct);
        await socket.SendAsync(SlackEnvelopes.Mention("env-5", "EvHuman", "<@W23456789> What about Twitter?", "1610241741.000200"), ct);
        for (var i = 1; i <= 5; i++) Assert.Equal($"env-{i}", (string?)(await socket.ReceiveJsonAsync(ct))["envelope_id"]);

        // One worker, in order: had any ignored event been answered, its post would come first.
        Assert.Equal("1610241741.000200", (string?)(await peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);
        Assert.Equal(["What about Twitter?"], host.Engine.Requests.Select(r => r.Question));
    }

    [Fact]
    public async Task Mention_inside_a_thread_carries_the_earlier_turns()
    {
        var ct = Wait.Token();
        await using var bot = await ConnectedSlackBot.StartAsync(ct);
        var (peer, host, socket) = bot;

        await socket.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> how many roles did Amazon cut?", "1610241741.000200"),
            ct);
        Assert.Equal("1610241741.000200", (string?)(await peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);

        await socket.SendAsync(SlackEnvelopes.Mention("env-2", "Ev2", "<@W23456789|layoffbot> and why?", "1610241799.000300",
            threadTs: "1610241741.000200"), ct);
        // The second post to the same channel is paced a second after the first: advance the clock for it.
        var followUp = await WithClockAsync(host, peer.ExpectAsync("chat.postMessage", ct), ct);
        Assert.Equal("1610241741.000200", (string?)followUp.Json["thread_ts"]);

        var asked = host.Engine.Requests[1];
        Assert.Equal("and why?", asked.Question);
        var turn = Assert.Single(asked.History);
        Assert.Equal("how many roles did Amazon cut?", turn.Question);
        Assert.Equal("Answer about: how many roles did Amazon cut?", turn.Answer);
    }

    [Fact]
    public async Task Slash_command_is_answered_on_response_url_with_the_chart_uploaded()
    {
        var ct = Wait.Token();
        var commands = new ChartCommandHandler();
        await using var bot = await ConnectedSlackBot.StartAsync(ct, s => s.AddSingleton<IChatCommandHandler>(commands));
        var (peer, host, socket) = bot;

        var envelope = SlackFixtures.Json("slack_socket_slash_commands_envelope.json");
        envelope["payload"]!["command"] = "/layoffs";
        envelope["payload"]!["text"] = "Amazon";
        envelope["payload"]!["response_url"] = peer.BaseUrl + "response/1";
        await socket.SendAsync(envelope, ct);

        var ack = await socket.ReceiveJsonAsync(ct);
        Assert.Equal((string?)envelope["envelope_id"], (string?)ack["envelope_id"]);
        Assert.Equal("ephemeral", (string?)ack["payload"]!["response_type"]);

        var reply = await peer.ExpectAsync("response_url", ct);
        Assert.Equal("in_channel", (string?)reply.Json["response_type"]);
        Assert.Contains("Amazon: 27,000 roles", (string?)reply.Json["text"]);
        Assert.True(string.IsNullOrEmpty(reply.Authorization)); // response_url needs no token

        var getUrl = await peer.ExpectAsync("files.getUploadURLExternal", ct);
        Assert.Equal("application/x-www-form-urlencoded", getUrl.ContentType); // forms carry no charset
        Assert.Equal("amazon.png", getUrl.Form["filename"]);
        Assert.Equal(ChartCommandHandler.Png.Length.ToString(), getUrl.Form["length"]);
        Assert.Equal(ChartCommandHandler.Png, (await peer.ExpectAsync("upload", ct)).Body);
        var complete = await peer.ExpectAsync("files.completeUploadExternal", ct);
        Assert.Equal("C111", complete.Form["channel_id"]);
        Assert.Equal("F123ABC456", (string?)JsonNode.Parse(complete.Form["files"])![0]!["id"]);

        var command = Assert.Single(commands.Received);
        Assert.Equal("layoffs", command.Name);
        Assert.Equal("Amazon", command.Options["company"]);
        Assert.Equal("U111", command.Request.UserId);
    }

    private static async Task<RecordedSlackRequest> WithClockAsync(SlackBotHost host, Task<RecordedSlackRequest> request,
        CancellationToken ct)
    {
        await host.AdvanceUntilAsync(request, TimeSpan.FromMilliseconds(250), ct);
        return await request;
    }

    private sealed class ChartCommandHandler : IChatCommandHandler
    {
        public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        public List<ChatCommand> Received { get; } = [];

        public Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken ct)
        {
            Received.Add(command);
            return Task.FromResult(new ChatReply
            {
                Text = "Amazon: 27,000 roles in 2022-2023.",
                Image = new ChatImage("amazon.png", Png, "Amazon layoffs per month"),
            });
        }
    }
}
