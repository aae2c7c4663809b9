using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Digest;

/// <summary><c>serve</c> with loopback Discord and Slack peers and a fake clock posts the digest at the configured time.</summary>
public sealed class DigestServeTests
{
    private const string DiscordChannel = "111222333444555666";
    private const string GoneDiscordChannel = "999888777666555444";

    private static Dictionary<string, string?> Settings(DiscordPeer discord, SlackPeer slack) =>
        PeerSettings.For(discord, slack, ("Digest:Cron", "0 9 * * *"), ("Digest:TimeZone", "Europe/Paris"),
            ("Digest:DiscordChannelIds", $"{GoneDiscordChannel},{DiscordChannel}"), ("Digest:SlackChannelIds:0", "CGONE0001"),
            ("Digest:SlackChannelIds:1", "C0DIGEST1"));

    [Fact]
    public async Task Serve_posts_the_digest_with_its_chart_to_Discord_and_Slack_at_nine_Paris_time_and_skips_unreachable_channels()
    {
        var ct = Wait.Token(15);
        var time = new FakeTimeProvider(Utc("2026-11-26T10:00:00Z"));
        var path = TestDatabase.NewPath();
        using (var database = KnowledgeDatabase.Open(path))
            LayoffRowsFile.Import(database.Database, ("Acme", 120, "2026-11-26"), ("Globex", 300, "2026-11-20"));

        await using var discord = await DiscordPeer.StartAsync(time, ct);
        await using var slack = await SlackPeer.StartAsync(time, ct);
        discord.Script(new ScriptedResponse("POST", $"/channels/{DiscordChannel}/messages", 200, new Dictionary<string, string>(),
            DiscordFixtures.Text("message_object_example.json")));
        slack.RespondOnce("chat.postMessage", HttpStatusCode.OK, new Dictionary<string, string>(),
            new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" });
        var logs = new ListLogger();
        await using var app = DigestServeHost.Build(path, Settings(discord, slack), time, logs);
        await app.StartAsync(ct);

        var discordPost = discord.ExpectRequestAsync("POST", $"/channels/{DiscordChannel}/messages", ct);
        var slackGone = slack.ExpectAsync("chat.postMessage", ct);
        var slackPost = slackGone.ContinueWith(_ => slack.ExpectAsync("chat.postMessage", ct), ct,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
        var uploadComplete = slack.ExpectAsync("files.completeUploadExternal", ct);
        await Wait.AdvanceToAsync(time, Utc("2026-11-27T08:00:00Z"),
            () => discordPost.IsCompleted && slackPost.IsCompleted && uploadComplete.IsCompleted, ct);

        // Discord: POST /channels/{id}/messages, multipart: payload_json with the embed, files[0] the PNG chart.
        var post = await discordPost;
        Assert.Equal("Bot discord-test-token", post.Header("Authorization"));
        var parts = await MultipartParts.ReadAsync(post.ContentType, post.Body, ct);
        var payload = JsonNode.Parse(parts.Single(p => p.Name == "payload_json").Data)!;
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
        var description = (string)payload["embeds"]![0]!["description"]!;
        Assert.StartsWith("Layoff digest, Nov 26, 2026 09:00 Europe/Paris to Nov 27, 2026 09:00 Europe/Paris: 1 layoff event (120 roles)",
            description);
        Assert.Contains("Acme: 120 roles", description);
        Assert.Equal("attachment://" + DigestRenderer.ChartFileName, (string)payload["embeds"]![0]!["image"]!["url"]!);
        var file = parts.Single(p => p.Name == "files[0]");
        Assert.Equal(DigestRenderer.ChartFileName, file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], file.Data.Take(4));

        // Nothing before 09:00 in Paris (08:00 UTC in November): the peers stamp each request with the fake clock.
        Assert.All(discord.AllRequests.Where(r => r.Path.Contains("/channels/", StringComparison.Ordinal)),
            r => Assert.True(r.At >= Utc("2026-11-27T08:00:00Z"), $"posted at {r.At:O}"));
        Assert.True((await slackGone).At >= Utc("2026-11-27T08:00:00Z"));

        // Slack: chat.postMessage with Block Kit, then the upload flow into the same channel.
        Assert.Equal("CGONE0001", (string)(await slackGone).Json["channel"]!);
        var message = (await slackPost).Json;
        Assert.Equal("C0DIGEST1", (string)message["channel"]!);
        Assert.Equal("Bearer xoxb-TEST", (await slackPost).Authorization);
        Assert.Contains("Acme: 120 roles", message["blocks"]!.ToJsonString());
        Assert.True((await slackPost).At >= Utc("2026-11-27T08:00:00Z"));
        var upload = await slack.ExpectAsync("upload", ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], upload.Body.Take(4));
        Assert.Equal("C0DIGEST1", (await uploadComplete).Form["channel_id"]);

        // The unreachable channels were logged and skipped; the ledger says what happened to each.
        var ledger = app.Services.GetRequiredService<DigestLedger>();
        await Wait.UntilAsync(() => ledger.All().Count(e => e.State != DigestDeliveryState.Claimed) == 4, ct);
        var states = ledger.All().ToDictionary(e => e.ChannelId, e => e.State);
        Assert.Equal(DigestDeliveryState.Sent, states[DiscordChannel]);
        Assert.Equal(DigestDeliveryState.Failed, states[GoneDiscordChannel]);
        Assert.Equal(DigestDeliveryState.Failed, states["CGONE0001"]);
        Assert.Equal(DigestDeliveryState.Sent, states["C0DIGEST1"]);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(GoneDiscordChannel, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("channel_not_found", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines,
            l => l.Message.Contains("discord-test-token", StringComparison.Ordinal)
            || l.Message.Contains("xoxb-TEST", StringComparison.Ordinal));

        // /digest now shows the digest that was posted.
        var latest = await app.Services.GetRequiredService<IDigestProvider>().LatestAsync(ct);
        Assert.Contains("Acme: 120 roles", string.Join("\n", latest.Lines));
        await app.StopAsync(ct);
    }

    [Fact]
    public async Task Serve_polls_configured_feeds_and_health_reports_a_failing_feed_with_its_error()
    {
        var ct = Wait.Token(15);
        var time = new FakeTimeProvider(Utc("2026-11-26T10:00:00Z"));
        await using var feeds = await FeedServer.StartAsync(ct);
        feeds.Fail("down", 1000);
        var logs = new ListLogger();
        await using var app = DigestServeHost.Build(TestDatabase.NewPath(), new Dictionary<string, string?>
        {
            ["Knowledge:Feeds:0"] = feeds.FeedUrl("down"),
            ["Knowledge:AllowPrivateAddresses"] = "true",
        }, time, logs);
        await app.StartAsync(ct);
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is FeedPollingService);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is DigestSchedulerService);

        await Wait.UntilAsync(() => feeds.RequestsFor("down").Count >= 1, ct);
        var address = LoopbackServer.AddressOf(app).ToString();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        JsonNode? feed = null;
        HttpStatusCode status = default;
        while (feed?["consecutiveFailures"]?.GetValue<int>() is not >= 1)
        {
            await Task.Delay(20, ct);
            using var response = await http.GetAsync("health", ct);
            status = response.StatusCode;
            feed = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["components"]?["feeds"]?["detail"]?["feeds"]?[0];
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(feeds.FeedUrl("down"), (string)feed!["url"]!);
        Assert.Equal("failed", (string)feed!["status"]!);
        Assert.Contains("HTTP 500", (string)feed["lastError"]!);
        await app.StopAsync(ct);
    }

    [Fact]
    public void Serve_without_digest_channels_runs_no_scheduler()
    {
        using var app = ServeCommand.BuildApp(TestDatabase.NewPath(), "http://127.0.0.1:0",
            new Dictionary<string, string?>());
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is DigestSchedulerService or FeedPollingService);
    }

    [Theory]
    [InlineData("Digest:Cron", "0 25 * * *", "Digest:Cron")]
    [InlineData("Digest:TimeZone", "Mars/Olympus", "Digest:TimeZone")]
    [InlineData("Digest:DiscordChannelIds", "general", "Digest:DiscordChannelIds")]
    [InlineData("Digest:SlackChannelIds", "C0DIGEST1", "Slack is not configured")]
    public async Task A_bad_digest_setting_stops_serve_with_a_message_naming_it(string key, string value, string expected)
    {
        var ct = Wait.Token();
        await using var app = ServeCommand.BuildApp(TestDatabase.NewPath(), "http://127.0.0.1:0",
            new Dictionary<string, string?>
        {
            ["Discord:Token"] = "discord-test-token",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Knowledge:SeedOnServe"] = "false", // the services started before the failing one would seed in the background
            [key] = value,
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(ct));
        Assert.Contains(expected, error.Message);
    }
}
