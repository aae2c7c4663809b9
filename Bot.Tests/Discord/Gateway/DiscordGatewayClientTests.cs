using System.Net.WebSockets;
using Bot.Host.Discord.Interactions;

namespace Bot.Tests.Discord.Gateway;

/// <summary>The gateway client against a loopback gateway speaking the recorded payloads.</summary>
public sealed class DiscordGatewayClientTests
{
    private const string FixtureSessionId = "bf8eb88e4939e52df093261f3abbc638";

    [Fact]
    public async Task Identifies_registers_commands_and_answers_ask_by_deferring_then_editing_the_original()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer);
        await bot.StartAsync(ct);

        var gateway = await ConnectAndIdentifyAsync(peer, ct);
        var ask = InteractionPayloads.Dispatch("ask", "question", "How many roles did Amazon cut?");
        await gateway.SendAsync(ask, ct);

        var callback = await peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Equal($"/api/v10/interactions/{InteractionPayloads.Id(ask)}/{InteractionPayloads.Token(ask)}/callback", callback.Path);
        Assert.True(JsonNode.DeepEquals(DiscordFixtures.Json("interaction_response_deferred.json"), callback.Json), callback.BodyText);
        Assert.Null(callback.Header("Authorization")); // the interaction token authorises; the bot token stays home

        var edit = await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        Assert.Equal($"/api/v10/webhooks/{InteractionPayloads.ApplicationId(ask)}/{InteractionPayloads.Token(ask)}/messages/@original",
            edit.Path);
        var embed = edit.Json!["embeds"]![0]!;
        var description = (string)embed["description"]!;
        Assert.StartsWith("Amazon cut about 18,000 roles", description);
        Assert.Contains("**[1]**\n> we will be eliminating just over 18,000 roles", description);
        Assert.Contains("[Update from Andy Jassy](https://www.aboutamazon.com/news/company-news/andy-jassy-update) · Amazon, 2023-01-04",
            (string)embed["fields"]![0]!["value"]!);
        Assert.Equal("mode: extractive", (string)embed["footer"]!["text"]!);
        Assert.Empty(edit.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(["How many roles did Amazon cut?"], bot.Engine.Questions);

        await Wait.UntilAsync(() => peer.AllRequests.Any(r => r.Method == "PUT"), ct);
        var registration = peer.AllRequests.Single(r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{DiscordPeer.ApplicationId}/commands", registration.Path);
        Assert.Equal("Bot test-bot-token", registration.Header("Authorization"));
        var commands = registration.Json!.AsArray();
        Assert.Equal(["ask", "layoffs", "digest", "sources", "ingest", "watch", "help", "Ask LayoffBot about this"],
            commands.Select(c => (string)c!["name"]!));
        Assert.Equal("32", (string)commands.Single(c => (string)c!["name"]! == "ingest")!["default_member_permissions"]!);
        // /watch: subcommands (type 1), the company option autocompleted.
        var watch = commands.Single(c => (string)c!["name"]! == "watch")!;
        Assert.Equal(["add", "remove", "list"], watch["options"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.True((bool)watch["options"]![0]!["options"]![0]!["autocomplete"]!);

        using var http = new HttpClient { BaseAddress = bot.BaseUri };
        var healthText = await http.GetStringAsync("health", ct);
        Assert.DoesNotContain("test-bot-token", healthText);
        var discord = JsonNode.Parse(healthText)!["components"]!["discord"]!;
        Assert.True((bool)discord["healthy"]!);
        Assert.Equal(FixtureSessionId, (string)discord["detail"]!["session"]!);
    }

    [Fact]
    public async Task Resumes_on_the_resume_url_with_the_same_session_and_sequence_after_an_abrupt_drop()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);

        // seq 7 arrives (and is handled) before the network fails.
        await gateway.SendAsync(InteractionPayloads.Dispatch("sources", sequence: 7), ct);
        await peer.ExpectRequestAsync("POST", "/callback", ct);
        gateway.Drop();

        var resumed = await peer.AcceptGatewayAsync(ct);
        Assert.Equal("/resume", resumed.Path);
        await resumed.SendHelloAsync(ct);
        var resume = await resumed.ExpectAsync(6, ct);
        Assert.Equal("test-bot-token", (string)resume["d"]!["token"]!);
        Assert.Equal(FixtureSessionId, (string)resume["d"]!["session_id"]!);
        Assert.Equal(7, (int)resume["d"]!["seq"]!);

        await resumed.SendAsync("""{"op":0,"t":"RESUMED","s":8,"d":{}}""", ct);
        await Wait.UntilAsync(() => bot.State.Status == DiscordConnectionStatus.Connected, ct);
        // RESUME needs no new session
        Assert.Equal(1, peer.AllRequests.Count(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Op7_reconnect_closes_with_a_resumable_code_and_resumes()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);

        await gateway.SendAsync(DiscordFixtures.Json("gateway_reconnect.json"), ct);
        var closeStatus = await gateway.Closed.WaitAsync(ct);
        Assert.NotNull(closeStatus);
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closeStatus);
        Assert.NotEqual(WebSocketCloseStatus.EndpointUnavailable, closeStatus);

        var resumed = await peer.AcceptGatewayAsync(ct);
        Assert.Equal("/resume", resumed.Path);
        await resumed.SendHelloAsync(ct);
        var resume = await resumed.ExpectAsync(6, ct);
        Assert.Equal(FixtureSessionId, (string)resume["d"]!["session_id"]!);
        Assert.Equal(1, (int)resume["d"]!["seq"]!); // READY was seq 1
    }

    [Fact]
    public async Task Op9_not_resumable_identifies_again_on_the_gateway_url_after_a_short_random_wait()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);
        var start = bot.Time.GetUtcNow();

        await gateway.SendAsync(DiscordFixtures.Json("gateway_invalid_session.json"), ct);
        await gateway.Closed.WaitAsync(ct);
        await Wait.UntilAsync(() => bot.State.Status == DiscordConnectionStatus.Reconnecting, ct); // set just before it waits
        var next = peer.AcceptGatewayAsync(ct).AsTask();
        // It sleeps on the clock (a random 1-5 s) before identifying again; the clock has not moved, so no connection yet.
        await bot.Time.TimerAsync(d => d >= TimeSpan.FromSeconds(1) && d <= TimeSpan.FromSeconds(5), ct);
        Assert.False(next.IsCompleted);

        await bot.AdvanceUntilAsync(next, TimeSpan.FromMilliseconds(250), ct);
        var waited = bot.Time.GetUtcNow() - start;
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5.5));

        var fresh = await next;
        Assert.Equal("/gateway", fresh.Path);
        await fresh.SendHelloAsync(ct);
        var identify = await fresh.ExpectAsync(2, ct); // IDENTIFY, not RESUME
        Assert.Equal("test-bot-token", (string)identify["d"]!["token"]!);
        Assert.Equal(2, peer.AllRequests.Count(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Missing_heartbeat_ack_means_zombie_then_resume()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);
        await Wait.UntilAsync(() => bot.State.Status == DiscordConnectionStatus.Connected, ct);
        gateway.AutoAckHeartbeats = false;

        // The first beat sleeps on the clock for interval × jitter, so none can go out before that.
        await bot.Time.TimerAsync(d => d == TimeSpan.FromMilliseconds(45000 * 0.5), ct);
        bot.Time.Advance(TimeSpan.FromMilliseconds(45000 * 0.5 - 1));
        Assert.False(gateway.TryTakeHeartbeat(out _));
        bot.Time.Advance(TimeSpan.FromMilliseconds(1));
        var heartbeat = await gateway.NextHeartbeatAsync(ct);
        Assert.Equal(1, (int?)heartbeat["d"]); // the last sequence (READY)

        bot.Time.Advance(TimeSpan.FromMilliseconds(45000)); // next beat due, no ACK came: zombie
        var resumed = await peer.AcceptGatewayAsync(ct);
        Assert.Equal("/resume", resumed.Path);
        await resumed.SendHelloAsync(ct);
        await resumed.ExpectAsync(6, ct);
        Assert.Null(await gateway.Closed.WaitAsync(ct)); // dropped, not closed with 1000/1001
    }

    [Fact]
    public async Task Close_4004_stops_the_gateway_with_a_clear_error_and_no_reconnect()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer);
        await bot.StartAsync(ct);
        var gateway = await peer.AcceptGatewayAsync(ct);
        await gateway.SendHelloAsync(ct);
        await gateway.ExpectAsync(2, ct);

        await gateway.CloseAsync(4004, "Authentication failed.", ct);

        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => bot.Gateway.ExecuteTask!.WaitAsync(ct));
        Assert.Contains("4004", error.Message);
        Assert.Contains("Discord:Token", error.Message);
        Assert.DoesNotContain("test-bot-token", error.Message);
        Assert.Equal(DiscordConnectionStatus.Failed, bot.State.Status);
        Assert.Contains("4004", bot.State.LastError);
        Assert.False(peer.HasPendingGatewayConnection);
    }

    [Fact]
    public async Task A_heartbeat_request_is_answered_at_once_and_unreadable_frames_are_skipped()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);

        await gateway.SendAsync("this is not json", ct);
        await gateway.SendAsync("""{"op":1,"d":null}""", ct);

        var heartbeat = await gateway.NextHeartbeatAsync(ct); // no clock advance: sent because asked
        Assert.Equal(1, (int?)heartbeat["d"]);
        await gateway.SendAsync(InteractionPayloads.Dispatch("ask", "question", "Still there?", sequence: 2), ct);
        await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
    }

    [Fact]
    public async Task A_rejected_token_on_get_gateway_bot_stops_with_a_clear_error()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        peer.Script(new ScriptedResponse("GET", "/gateway/bot", 401, new Dictionary<string,
            string> { ["Content-Type"] = "application/json" }, """{"message":"401: Unauthorized","code":0}"""));
        await using var bot = DiscordBotHost.Create(peer);
        var error = await bot.StartToFailAsync(ct);

        Assert.Contains("Discord:Token", error.Message);
        Assert.False(peer.HasPendingGatewayConnection);
    }

    [Fact]
    public async Task Shutdown_closes_the_gateway_with_1000_so_discord_ends_the_session_cleanly()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);
        await Wait.UntilAsync(() => bot.State.Status == DiscordConnectionStatus.Connected, ct);

        await bot.App.StopAsync(ct);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await gateway.Closed.WaitAsync(ct));
        Assert.Equal(DiscordConnectionStatus.Stopped, bot.State.Status);
    }

    [Fact]
    public async Task Shutdown_lets_an_answer_in_flight_finish_after_the_gateway_closed()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer);
        bot.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bot.StartAsync(ct);
        var gateway = await ConnectAndIdentifyAsync(peer, ct);
        await gateway.SendAsync(InteractionPayloads.Dispatch("ask", "question", "Slow one?"), ct);
        await bot.Engine.FirstCall.WaitAsync(ct);

        var stopping = bot.App.StopAsync(ct);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await gateway.Closed.WaitAsync(ct));
        Assert.False(stopping.IsCompleted); // still waiting for the answer
        bot.Engine.Gate.SetResult();

        var edit = await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        Assert.Contains("Amazon cut about 18,000 roles", (string)edit.Json!["embeds"]![0]!["description"]!);
        await stopping.WaitAsync(ct);
    }

    [Fact]
    public async Task Interactions_are_acknowledged_while_every_answer_worker_is_busy()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer, new Dictionary<string, string?> { ["Chat:QuestionsPerMinute"] = "100" });
        bot.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bot.StartAsync(ct);
        var gateway = await ConnectAndIdentifyAsync(peer, ct);

        var count = InteractionWorker.MaxConcurrentAnswers + 2;
        for (var i = 0; i < count; i++)
            await gateway.SendAsync(InteractionPayloads.Dispatch("ask", "question", $"Question {i}?", sequence: 10 + i,
                id: $"90000000000000000{i:D2}"), ct);

        // Every one gets its deferred reply (Discord wants it within 3 s) though no answer can finish yet.
        for (var i = 0; i < count; i++) await peer.ExpectRequestAsync("POST", "/callback", ct);
        await Wait.UntilAsync(() => bot.Engine.Requests.Count == InteractionWorker.MaxConcurrentAnswers, ct); // the rest wait for a worker
        bot.Engine.Gate.SetResult();
        for (var i = 0; i < count; i++) await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
    }

    [Fact]
    public async Task Commands_are_registered_in_each_configured_guild_with_the_configured_application_id()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer, new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = "42",
            ["Discord:GuildIds:0"] = "1011977515109187704",
            ["Discord:GuildIds:1"] = "290926798626357999",
        });
        await bot.StartAsync(ct);

        await Wait.UntilAsync(() => bot.State.CommandsRegisteredAt is not null, ct);

        var puts = peer.AllRequests.Where(r => r.Method == "PUT").Select(r => r.Path).Order().ToList();
        Assert.Equal(["/api/v10/applications/42/guilds/1011977515109187704/commands",
            "/api/v10/applications/42/guilds/290926798626357999/commands"], puts);
        Assert.DoesNotContain(peer.AllRequests, r => r.Path.Contains("/oauth2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Command_registration_is_retried_while_discord_fails_and_not_after_a_refusal()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        // 5 server errors exhaust the REST client's own retries; then the registrar backs off and tries again.
        for (var i = 0; i < 5; i++)
            peer.Script(new ScriptedResponse("PUT", "/commands", 503, new Dictionary<string, string>(), "unavailable"));
        peer.Script(new ScriptedResponse("PUT", "/guilds/2/commands", 403, new Dictionary<string,
            string> { ["Content-Type"] = "application/json" }, """{"message":"Missing Access","code":50001}"""));
        await using var bot = DiscordBotHost.Create(peer, new Dictionary<string,
            string?> { ["Discord:GuildIds"] = "1,2", ["Discord:ApplicationId"] = "42" });
        await bot.StartAsync(ct);

        var done = Wait.UntilAsync(() => bot.State.LastError?.Contains("50001", StringComparison.Ordinal) == true, ct);
        await bot.AdvanceUntilAsync(done, TimeSpan.FromSeconds(1), ct);

        Assert.Equal(6, peer.AllRequests.Count(r => r.Path.EndsWith("/guilds/1/commands", StringComparison.Ordinal)));
        Assert.Single(peer.AllRequests, r => r.Path.EndsWith("/guilds/2/commands", StringComparison.Ordinal));
        Assert.Null(bot.State.CommandsRegisteredAt);
    }

    [Fact]
    public async Task Guild_ids_may_also_be_one_comma_separated_setting()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        await using var bot = DiscordBotHost.Create(peer, new Dictionary<string, string?> { ["Discord:GuildIds"] = "11, 22" });
        await bot.StartAsync(ct);

        await Wait.UntilAsync(() => bot.State.CommandsRegisteredAt is not null, ct);

        var puts = peer.AllRequests.Where(r => r.Method == "PUT").Select(r => r.Path).Order().ToList();
        Assert.Equal([$"/api/v10/applications/{DiscordPeer.ApplicationId}/guilds/11/commands",
            $"/api/v10/applications/{DiscordPeer.ApplicationId}/guilds/22/commands"], puts);
    }

    [Fact]
    public async Task An_exhausted_identify_budget_waits_for_its_reset_before_connecting()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        var info = DiscordFixtures.Json("get_gateway_bot_response.json");
        info["url"] = peer.GatewayUrl;
        info["session_start_limit"]!["remaining"] = 0;
        info["session_start_limit"]!["reset_after"] = 5000;
        peer.Script(new ScriptedResponse("GET", "/gateway/bot", 200, new Dictionary<string,
            string> { ["Content-Type"] = "application/json" }, info.ToJsonString()));
        await using var bot = DiscordBotHost.Create(peer);
        var start = bot.Time.GetUtcNow();
        await bot.StartAsync(ct);

        // set just before it waits
        await Wait.UntilAsync(() => bot.State.LastError?.Contains("IDENTIFY budget", StringComparison.Ordinal) == true, ct);
        var accept = peer.AcceptGatewayAsync(ct).AsTask();
        await bot.Time.TimerAsync(d => d >= TimeSpan.FromSeconds(4) && d <= TimeSpan.FromSeconds(5), ct); // reset_after: 5 s
        Assert.False(accept.IsCompleted);
        await bot.AdvanceUntilAsync(accept, TimeSpan.FromMilliseconds(250), ct);

        Assert.InRange(bot.Time.GetUtcNow() - start, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.5));
        Assert.Contains("IDENTIFY budget", bot.State.LastError);
    }

    [Fact]
    public async Task An_interaction_delivered_twice_is_answered_once()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var (peer, bot, gateway) = (discord.Peer, discord.Bot, discord.Gateway);
        var ask = InteractionPayloads.Dispatch("ask", "question", "Who cut jobs?", sequence: 2);

        await gateway.SendAsync(ask, ct);
        await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        ask["s"] = 3; // replayed after a resume, say: same interaction id
        await gateway.SendAsync(ask, ct);
        var other = InteractionPayloads.Dispatch("ask", "question", "And Meta?", sequence: 4, id: "1233227149545177170");
        await gateway.SendAsync(other, ct);
        await peer.ExpectRequestAsync(r => r.Method == "POST" && r.Path.Contains("/1233227149545177170/", StringComparison.Ordinal), ct);
        await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);

        Assert.Equal(2, peer.AllRequests.Count(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)));
        Assert.Equal(["Who cut jobs?", "And Meta?"], bot.Engine.Questions);
    }

    /// <summary>HELLO, expect IDENTIFY (token, no intents), READY (seq 1).</summary>
    private static async Task<GatewayPeerConnection> ConnectAndIdentifyAsync(DiscordPeer peer, CancellationToken ct)
    {
        var gateway = await peer.AcceptGatewayAsync(ct);
        Assert.Equal("/gateway", gateway.Path);
        await gateway.SendHelloAsync(ct);
        var identify = await gateway.ExpectAsync(2, ct);
        Assert.Equal("test-bot-token", (string)identify["d"]!["token"]!);
        Assert.Equal(DiscordGatewayClient.Intents, (int)identify["d"]!["intents"]!);
        Assert.NotNull(identify["d"]!["properties"]!["os"]);
        await gateway.SendAsync(peer.Ready(), ct);
        return gateway;
    }
}
