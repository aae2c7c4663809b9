namespace Bot.Tests.Discord.Gateway;

/// <summary>Several gateway shards in one bot, against the loopback gateway.</summary>
public sealed class DiscordShardingTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> JsonHeaders = new() { ["Content-Type"] = "application/json" };
    private DiscordPeer _peer = null!;

    /// <summary>Each test gets its own loopback Discord; the test scripts it and starts the bot it needs.</summary>
    public async ValueTask InitializeAsync() => _peer = await DiscordPeer.StartAsync(Wait.Token());

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    [Fact]
    public async Task Two_shards_identify_as_0_and_1_of_2_and_with_max_concurrency_1_the_second_waits_5_s()
    {
        var ct = Wait.Token();
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "2"));
        await bot.StartAsync(ct); // the peer's /gateway/bot says max_concurrency 1: both shards share one bucket

        var first = await _peer.AcceptGatewayAsync(ct);
        await first.SendHelloAsync(ct);
        var firstShard = Shard(await first.ExpectAsync(2, ct));
        var identifiedAt = bot.Time.GetUtcNow();

        // The second shard waits on the clock for exactly 5 s from the first IDENTIFY. The clock stays still until its
        // timer exists: moved earlier, it would race the first shard recording when its IDENTIFY went out.
        var next = _peer.AcceptGatewayAsync(ct).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(5), await bot.Time.TimerAsync(d => d == TimeSpan.FromSeconds(5), ct));
        Assert.False(next.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(5)); // exactly 5 s and no further: the second shard must connect then
        var second = await next;
        // Not before 5 s either: the shard stamped with the fake clock when it went on to connect.
        var waited = bot.State.Shards.Single(s => s.Id == 1 - firstShard[0]);
        Assert.Equal(DiscordConnectionStatus.Connecting, waited.Status);
        Assert.Equal(identifiedAt + TimeSpan.FromSeconds(5), waited.Since);
        await second.SendHelloAsync(ct);
        var secondShard = Shard(await second.ExpectAsync(2, ct));

        Assert.Equal([[0, 2], [1, 2]], new[] { firstShard, secondShard }.OrderBy(s => s[0]));
    }

    [Fact]
    public async Task Shards_resume_on_their_own_while_the_others_keep_their_connection_and_health_shows_each()
    {
        var ct = Wait.Token();
        ScriptGatewayBot(shards: 2, maxConcurrency: 2, times: 2); // two buckets: both identify at once
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "2"));
        await bot.StartAsync(ct);
        var shards = await ConnectShardsAsync(2, ct); // without moving the clock: neither waits for the other

        // Discord's rule: a guild's events arrive on shard (guild_id >> 22) % count; DMs on shard 0.
        var guildAsk = InteractionPayloads.Dispatch("ask", "question", "Who cut jobs?", sequence: 5);
        Assert.Equal(1, ShardOf((string)guildAsk["d"]!["guild_id"]!, 2));
        await shards[1].SendAsync(guildAsk, ct);
        await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        await shards[0].SendAsync(DirectMessage("sources", "1233227149545177171", sequence: 3), ct);
        await _peer.ExpectRequestAsync("POST", "/1233227149545177171/", ct);

        shards[1].Drop();
        var resumed = await _peer.AcceptGatewayAsync(ct);
        Assert.Equal("/resume-1", resumed.Path); // shard 1's own resume_gateway_url
        await resumed.SendHelloAsync(ct);
        var resume = await resumed.ExpectAsync(6, ct);
        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
        Assert.Equal(5, (int)resume["d"]!["seq"]!);
        await resumed.SendAsync("""{"op":0,"t":"RESUMED","s":6,"d":{}}""", ct);
        await Wait.UntilAsync(() => bot.State.Shards[1].Status == DiscordConnectionStatus.Connected, ct); // RESUMED handled

        // Shard 0's first connection still answers: it never noticed.
        await shards[0].SendAsync(DirectMessage("sources", "1233227149545177172", sequence: 4), ct);
        await _peer.ExpectRequestAsync("POST", "/1233227149545177172/", ct);
        Assert.False(shards[0].Closed.IsCompleted);
        Assert.Equal(2, _peer.AllRequests.Count(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal))); // one IDENTIFY each

        // Each shard heartbeats on its own connection (interval 45 s × jitter 0.5) with its own sequence.
        bot.Time.Advance(TimeSpan.FromMilliseconds(45000 * 0.5));
        Assert.Equal(4, (int?)(await shards[0].NextHeartbeatAsync(ct))["d"]);
        Assert.Equal(6, (int?)(await resumed.NextHeartbeatAsync(ct))["d"]);

        using var http = new HttpClient { BaseAddress = bot.BaseUri };
        var discord = await DiscordHealthAsync(http, ct, d => d["shards"]!.AsArray().All(s => s!["lastHeartbeatAck"] is not null));
        Assert.Equal("connected", (string)discord["detail"]!["status"]!);
        Assert.Equal(2, (int)discord["detail"]!["shardCount"]!);
        var health = discord["detail"]!["shards"]!.AsArray();
        Assert.Equal([0, 1], health.Select(s => (int)s!["id"]!));
        Assert.Equal(["session-0", "session-1"], health.Select(s => (string)s!["session"]!));
        Assert.All(health, s => Assert.Equal("connected", (string)s!["status"]!));
        Assert.All(health, s => Assert.NotNull(s!["heartbeatLatencyMs"]));
    }

    [Fact]
    public async Task A_shard_stopped_for_good_leaves_the_others_answering_and_health_degraded()
    {
        var ct = Wait.Token();
        ScriptGatewayBot(shards: 2, maxConcurrency: 2, times: 2);
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "2"));
        await bot.StartAsync(ct);
        var shards = await ConnectShardsAsync(2, ct);

        await shards[1].CloseAsync(4010, "Invalid shard.", ct);
        await Wait.UntilAsync(() => bot.State.Status == DiscordConnectionStatus.Failed, ct);
        Assert.Contains("shard 1", bot.State.LastError);
        Assert.Contains("Discord:ShardCount", bot.State.LastError);

        await shards[0].SendAsync(DirectMessage("sources", "1233227149545177173", sequence: 2), ct);
        await _peer.ExpectRequestAsync("POST", "/1233227149545177173/", ct);
        using var http = new HttpClient { BaseAddress = bot.BaseUri };
        var response = await http.GetAsync("health", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["components"]!["discord"]!["detail"]!["shards"]!;
        Assert.Equal(["connected", "failed"], health.AsArray().Select(s => (string)s!["status"]!));
        Assert.Contains("4010", (string)health[1]!["lastError"]!);
    }

    [Fact]
    public async Task Shard_ids_choose_which_shards_this_instance_runs()
    {
        var ct = Wait.Token();
        ScriptGatewayBot(shards: 4, maxConcurrency: 4, times: 2);
        // One environment variable with a comma-separated list, as Discord__ShardIds=1,3 gives.
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "4", ids: "1,3"));
        await bot.StartAsync(ct);

        var first = await _peer.AcceptGatewayAsync(ct);
        var second = await _peer.AcceptGatewayAsync(ct);
        await first.SendHelloAsync(ct);
        await second.SendHelloAsync(ct);
        var identified = new[] { Shard(await first.ExpectAsync(2, ct)), Shard(await second.ExpectAsync(2, ct)) };

        Assert.Equal([[1, 4], [3, 4]], identified.OrderBy(s => s[0]));
        Assert.Equal([1, 3], bot.State.Shards.Select(s => s.Id));
    }

    [Fact]
    public async Task Auto_takes_the_shard_count_from_get_gateway_bot()
    {
        var ct = Wait.Token();
        ScriptGatewayBot(shards: 3, maxConcurrency: 3, times: 4); // the count, then one per shard
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "auto"));
        await bot.StartAsync(ct);

        var identified = new List<int[]>();
        for (var i = 0; i < 3; i++)
        {
            var gateway = await _peer.AcceptGatewayAsync(ct);
            await gateway.SendHelloAsync(ct);
            identified.Add(Shard(await gateway.ExpectAsync(2, ct)));
        }

        Assert.Equal([[0, 3], [1, 3], [2, 3]], identified.OrderBy(s => s[0]));
        Assert.Equal(4, _peer.AllRequests.Count(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Auto_with_a_shard_id_beyond_the_recommended_count_stops_with_a_clear_error()
    {
        var ct = Wait.Token();
        ScriptGatewayBot(shards: 2, maxConcurrency: 1, times: 1);
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "auto", ids: "1-2"));
        var error = await bot.StartToFailAsync(ct);

        Assert.Equal("Discord:ShardIds contains 2, but Discord:ShardCount=auto gave 2 shards (GET /gateway/bot): "
            + "shard ids run from 0 to 1.", error.Message);
        Assert.False(_peer.HasPendingGatewayConnection);
    }

    [Fact]
    public async Task Auto_with_a_rejected_token_stops_with_a_clear_error()
    {
        var ct = Wait.Token();
        _peer.Script(new ScriptedResponse("GET", "/gateway/bot", 401, JsonHeaders, """{"message":"401: Unauthorized","code":0}"""));
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "auto"));
        var error = await bot.StartToFailAsync(ct);

        Assert.Contains("Discord:Token", error.Message);
        Assert.Empty(bot.State.Shards);
    }

    [Fact]
    public async Task A_bad_shard_setting_stops_the_host_at_start_naming_it()
    {
        var ct = Wait.Token();
        await using var bot = DiscordBotHost.Create(_peer, Settings(count: "2", ids: "0,2"));

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => bot.StartAsync(ct));

        Assert.Contains("Discord:ShardIds contains 2, but Discord:ShardCount is 2: shard ids run from 0 to 1.", error.Message);
        Assert.False(_peer.HasPendingGatewayConnection);
    }

    /// <summary>
    /// Accepts <paramref name="count"/> connections, identifies each and sends READY with its own session and resume URL.
    /// </summary>
    /// <returns>The connections by shard id.</returns>
    private async Task<GatewayPeerConnection[]> ConnectShardsAsync(int count, CancellationToken ct)
    {
        var connections = new GatewayPeerConnection[count];
        for (var i = 0; i < count; i++)
        {
            var gateway = await _peer.AcceptGatewayAsync(ct);
            Assert.Equal("/gateway", gateway.Path);
            await gateway.SendHelloAsync(ct);
            var shard = Shard(await gateway.ExpectAsync(2, ct));
            Assert.Equal(count, shard[1]);
            var ready = _peer.Ready();
            ready["d"]!["session_id"] = $"session-{shard[0]}";
            ready["d"]!["resume_gateway_url"] = new UriBuilder(_peer.BaseUri) { Scheme = "ws", Path = $"resume-{shard[0]}" }.Uri.ToString();
            await gateway.SendAsync(ready, ct);
            connections[shard[0]] = gateway;
        }
        return connections;
    }

    /// <summary>The next <paramref name="times"/> <c>GET /gateway/bot</c> answers.</summary>
    private void ScriptGatewayBot(int shards, int maxConcurrency, int times)
    {
        var info = DiscordFixtures.Json("get_gateway_bot_response.json");
        info["url"] = _peer.GatewayUrl;
        info["shards"] = shards;
        info["session_start_limit"]!["max_concurrency"] = maxConcurrency;
        for (var i = 0; i < times; i++)
            _peer.Script(new ScriptedResponse("GET", "/gateway/bot", 200, JsonHeaders, info.ToJsonString()));
    }

    /// <summary>
    /// The interaction fixture as a DM (no guild, a <c>user</c> instead of a <c>member</c>), which Discord sends on shard 0.
    /// </summary>
    private static JsonNode DirectMessage(string command, string id, int sequence)
    {
        var dispatch = InteractionPayloads.Dispatch(command, sequence: sequence, id: id);
        var data = dispatch["d"]!.AsObject();
        data["user"] = data["member"]!["user"]!.DeepClone();
        data.Remove("member");
        data.Remove("guild_id");
        return dispatch;
    }

    private static int ShardOf(string guildId, int count) =>
        (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)count);

    private static Dictionary<string, string?> Settings(string count, string? ids = null) =>
        new() { ["Discord:ShardCount"] = count, ["Discord:ShardIds"] = ids };

    private static int[] Shard(JsonNode identify) => identify["d"]!["shard"]!.AsArray().Select(n => (int)n!).ToArray();

    /// <summary>The "discord" health component once <paramref name="ready"/> holds for its detail.</summary>
    private static async Task<JsonNode> DiscordHealthAsync(HttpClient http, CancellationToken ct, Func<JsonNode, bool> ready)
    {
        while (true)
        {
            using var response = await http.GetAsync("health", ct);
            var discord = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["components"]!["discord"]!;
            if (ready(discord["detail"]!)) return discord;
            await Task.Delay(10, ct);
        }
    }
}
