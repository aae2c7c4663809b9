using Bot.Knowledge.Watches;

namespace Bot.Tests.Discord.Interactions;

/// <summary><c>POST /discord/interactions</c> on the bot's real listener (Mode=http) with the fixture vectors.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime
{
    private static readonly JsonNode Vectors = SignedInteractions.Vectors;
    private DiscordPeer _peer = null!;

    /// <summary>Each test gets its own loopback Discord; the test starts the bot with the settings it needs.</summary>
    public async ValueTask InitializeAsync() => _peer = await DiscordPeer.StartAsync(Wait.Token());

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    public static TheoryData<string> Cases() => new(Vectors["cases"]!.AsArray().Select(c => (string)c!["name"]!));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_fixture_vector_gets_its_expected_answer(string name)
    {
        var ct = Wait.Token();
        var vector = Vectors["cases"]!.AsArray().Single(c => (string)c!["name"]! == name)!;
        var body = (string)vector["raw_body"]!;
        // The vectors were signed in 2023: the bot's clock is set to their time, so only the signature decides.
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse((string)Vectors["cases"]![0]!["headers"]!["X-Signature-Timestamp"]!,
            System.Globalization.CultureInfo.InvariantCulture));
        await using var bot = await StartHttpModeAsync(ct, start: signedAt);

        using var response = await PostAsync(bot, Encoding.UTF8.GetBytes(body),
            (string)vector["headers"]!["X-Signature-Ed25519"]!, (string)vector["headers"]!["X-Signature-Timestamp"]!, ct);

        if (!(bool)vector["expected_valid"]!)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain(_peer.AllRequests, r => r.Path.Contains("/interactions/", StringComparison.Ordinal));
            return;
        }
        if ((int)JsonNode.Parse(body)!["type"]! == 1)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(1, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["type"]!);
            return;
        }
        // The valid APPLICATION_COMMAND is /cardsearch, which this bot does not have: a private refusal.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var callback = await _peer.ExpectRequestAsync("POST", "/interactions/786008729715212338/A_UNIQUE_TOKEN/callback", ct);
        Assert.Contains("/cardsearch", (string)DiscordReplies.AssertPrivateMessage(callback)["content"]!);
    }

    [Fact]
    public async Task A_replayed_body_with_one_changed_byte_is_refused()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        var vector = Vectors["cases"]![1]!; // the valid APPLICATION_COMMAND
        var body = Encoding.UTF8.GetBytes((string)vector["raw_body"]!);
        body[^3] ^= 0x01;

        using var response = await PostAsync(bot, body, (string)vector["headers"]!["X-Signature-Ed25519"]!,
            (string)vector["headers"]!["X-Signature-Timestamp"]!, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(301, false)]    // older than 5 minutes: a replay
    [InlineData(-301, false)]   // more than 5 minutes ahead
    [InlineData(7_200, false)]  // 2 h old, as in the issue
    [InlineData(299, true)]
    [InlineData(-299, true)]    // a sender clock a little ahead is fine
    public async Task Signed_requests_are_refused_when_their_timestamp_is_more_than_5_minutes_from_now(int secondsAgo, bool accepted)
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);

        using var response = await PostSignedAsync(bot, InteractionPayloads.Body("sources").ToJsonString(), ct,
            TimeSpan.FromSeconds(secondsAgo));

        Assert.Equal(accepted ? HttpStatusCode.Accepted : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_with_timestamp_0_is_refused()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);

        using var response = await PostSignedAsync(bot, InteractionPayloads.Body("sources").ToJsonString(), ct,
            bot.Time.GetUtcNow() - DateTimeOffset.UnixEpoch);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_peer.AllRequests, r => r.Path.Contains("/interactions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsigned_requests_are_refused()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        using var http = new HttpClient { BaseAddress = bot.BaseUri };

        using var response = await http.PostAsync("discord/interactions", new StringContent((string)Vectors["cases"]![0]!["raw_body"]!),
            ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_but_malformed_payload_gets_400()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);

        using var response = await PostSignedAsync(bot, "{\"type\": 2, \"id\": ", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ask_is_deferred_then_the_original_response_is_edited_with_the_answer()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        var body = InteractionPayloads.Body("ask", "question", "Why did Amazon cut jobs?");

        using var response = await PostSignedAsync(bot, body.ToJsonString(), ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var callback = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Equal(5, (int)callback.Json!["type"]!);
        var edit = await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        Assert.Contains("Amazon cut about 18,000 roles", (string)edit.Json!["embeds"]![0]!["description"]!);
        Assert.Equal(["Why did Amazon cut jobs?"], bot.Engine.Questions);
    }

    [Fact]
    public async Task Ingest_without_manage_server_is_refused_privately_on_receipt()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        // SEND_MESSAGES | EMBED_LINKS only: no MANAGE_GUILD (0x20), no ADMINISTRATOR (0x8).
        var body = InteractionPayloads.Body("ingest", "url", "https://example.com/a",
            permissions: (0x800 | 0x4000).ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await PostSignedAsync(bot, body.ToJsonString(), ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var callback = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Contains("Manage Server", (string)DiscordReplies.AssertPrivateMessage(callback)["content"]!);
        Assert.Empty(bot.Engine.Questions);
    }

    [Fact]
    public async Task Ingest_with_manage_server_is_deferred_privately_and_answered_by_the_command_handler()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        var body = InteractionPayloads.Body("ingest", "url", "https://example.com/a", permissions: "32");

        using var response = await PostSignedAsync(bot, body.ToJsonString(), ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var callback = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Equal(5, (int)callback.Json!["type"]!);
        Assert.Equal(64, (int)callback.Json!["data"]!["flags"]!);
        var edit = await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        // The neutral handler ran the ingestion (example.com is unreachable here, or ingested where it is).
        Assert.Matches("^(Ingested|I couldn't ingest that URL)", (string)edit.Json!["content"]!);
    }

    [Fact]
    public async Task A_private_reply_to_a_public_deferral_becomes_a_private_follow_up()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        var body = InteractionPayloads.Body("sources"); // deferred publicly; the handler's reply is private

        using var response = await PostSignedAsync(bot, body.ToJsonString(), ct);

        var delete = await _peer.ExpectRequestAsync("DELETE", "/messages/@original", ct);
        var followUp = await _peer.ExpectRequestAsync(r => r.Method == "POST"
            && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal), ct);
        Assert.Equal(64, (int)followUp.Json!["flags"]!);
        Assert.StartsWith("The knowledge base holds", FollowUpText(followUp.Json!));
        Assert.Empty(followUp.Json!["allowed_mentions"]!["parse"]!.AsArray());
    }

    private static string FollowUpText(JsonNode json) =>
        (string?)json["content"] ?? (string?)json["embeds"]?[0]?["description"] ?? "";

    [Fact]
    public async Task A_user_over_the_question_limit_gets_the_friendly_notice_privately()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct, new Dictionary<string, string?> { ["Chat:QuestionsPerMinute"] = "1" });
        var first = InteractionPayloads.Body("ask", "question", "First?");
        var second = InteractionPayloads.Body("ask", "question", "Second?");
        second["id"] = "1233227149545177999";

        using (await PostSignedAsync(bot, first.ToJsonString(), ct)) { }
        await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        using (await PostSignedAsync(bot, second.ToJsonString(), ct)) { }

        await _peer.ExpectRequestAsync("DELETE", "/messages/@original", ct);
        var notice = await _peer.ExpectRequestAsync(r => r.Method == "POST"
            && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal), ct);
        Assert.Equal(64, (int)notice.Json!["flags"]!);
        Assert.StartsWith("You're asking faster than I can check sources.", (string)notice.Json!["content"]!);
        Assert.Equal(["First?"], bot.Engine.Questions);
    }

    private async Task<DiscordBotHost>
        StartHttpModeAsync(CancellationToken ct, IDictionary<string, string?>? extra = null, DateTimeOffset? start = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "http",
            ["Discord:PublicKey"] = SignedInteractions.PublicKey,
            ["Discord:ApplicationId"] = DiscordPeer.ApplicationId,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var bot = DiscordBotHost.Create(_peer, settings, start: start);
        await bot.StartAsync(ct);
        return bot;
    }

    /// <summary>A <c>/watch</c> (or other) interaction body: a subcommand (type 1) holding the company option.</summary>
    private static JsonNode WatchBody(string subcommand, string? company, string permissions, int type = 2, bool focused = false,
        string command = "watch")
    {
        var body = InteractionPayloads.Body(command, permissions: permissions);
        body["type"] = type;
        var inner = new JsonArray();
        if (company is not null) inner.Add(new JsonObject
            { ["type"] = 3, ["name"] = "company", ["value"] = company, ["focused"] = focused ? true : null });
        body["data"]!["options"] = new JsonArray(new JsonObject { ["type"] = 1, ["name"] = subcommand, ["options"] = inner });
        return body;
    }

    [Fact]
    public async Task Watch_add_needs_manage_server_and_then_stores_the_watch_for_the_channel()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        var refusedBody = WatchBody("add", "Acme", permissions: "0");
        using (await PostSignedAsync(bot, refusedBody.ToJsonString(), ct)) { }
        var refusal = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Contains("Manage Server", (string)refusal.Json!["data"]!["content"]!);

        var body = WatchBody("add", "Acme", permissions: "32");
        body["id"] = "1233227149545177111";
        using (await PostSignedAsync(bot, body.ToJsonString(), ct)) { }

        var edit = await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        Assert.StartsWith("Watching Acme in this channel", FollowUpText(edit.Json!));
        var channel = (string)body["channel_id"]!;
        Assert.Equal(["Acme"],
            bot.Services.GetRequiredService<Bot.Host.State.IWatchStore>().InChannel("discord", channel).Select(w => w.Company));
    }

    [Fact]
    public async Task Digest_subscribe_needs_manage_server_and_then_subscribes_the_channel()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        using (await PostSignedAsync(bot, WatchBody("subscribe", null, permissions: "0", command: "digest").ToJsonString(), ct)) { }
        var refusal = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Equal("/digest subscribe needs the Manage Server permission.", (string)refusal.Json!["data"]!["content"]!);

        var body = WatchBody("subscribe", null, permissions: "32", command: "digest");
        body["id"] = "1233227149545177222";
        using (await PostSignedAsync(bot, body.ToJsonString(), ct)) { }

        var edit = await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        Assert.StartsWith("This channel will get the layoff digest at every scheduled time", FollowUpText(edit.Json!));
        var subscription = Assert.Single(bot.Services.GetRequiredService<Bot.Host.State.IDigestSubscriptionStore>().All());
        Assert.Equal(("discord", (string)body["channel_id"]!), (subscription.Platform, subscription.ChannelId));
    }

    [Fact]
    public async Task The_company_option_completes_with_company_names_from_the_data()
    {
        var ct = Wait.Token();
        await using var bot = await StartHttpModeAsync(ct);
        LayoffRowsFile.Import(bot.Services.GetRequiredService<LiteDB.ILiteDatabase>(), ("Acme", 120, "2026-06-10"),
            ("Globex", 300, "2026-06-12"), ("Acme", 50, "2026-01-10"));

        using (await PostSignedAsync(bot, WatchBody("add", "acm", permissions: "32", type: 4, focused: true).ToJsonString(), ct)) { }

        var callback = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Equal(8, (int)callback.Json!["type"]!);
        Assert.Equal(["Acme"], callback.Json!["data"]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));

        // The same completion as /layoffs company: (CompanyNameSuggester), so a typo inside /watch remove still finds it.
        var typo = WatchBody("remove", "Acem", permissions: "32", type: 4, focused: true);
        typo["id"] = "1233227149545177333";
        using (await PostSignedAsync(bot, typo.ToJsonString(), ct)) { }

        callback = await _peer.ExpectRequestAsync("POST", "/callback", ct);
        Assert.Equal(["Acme"], callback.Json!["data"]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    /// <summary>Signed like Discord signs, at the bot's (fake) now unless told otherwise.</summary>
    private static Task<HttpResponseMessage> PostSignedAsync(
        DiscordBotHost bot, string body, CancellationToken ct, TimeSpan? signedAgo = null) =>
        SignedInteractions.PostSignedAsync(bot.BaseUri, body, bot.Time.GetUtcNow() - (signedAgo ?? TimeSpan.Zero), ct);

    private static Task<HttpResponseMessage> PostAsync(
        DiscordBotHost bot, byte[] body, string signature, string timestamp, CancellationToken ct) =>
        SignedInteractions.PostAsync(bot.BaseUri, body, signature, timestamp, ct);
}
