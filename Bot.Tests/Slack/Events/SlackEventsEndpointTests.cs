namespace Bot.Tests.Slack.Events;

/// <summary>The signed HTTP endpoints of <c>serve</c> in events mode, over real HTTP, with Slack's signing vectors.</summary>
public sealed class SlackEventsEndpointTests : IAsyncLifetime
{
    private static readonly JsonObject Vectors = SlackFixtures.Json("slack_signature_vectors.json");
    private static readonly string Secret = (string)Vectors["signing_secret"]!;
    private static readonly long MockNow = (long)Vectors["mock_now_unix"]!;

    private SlackPeer _peer = null!;
    private SlackBotHost _host = null!;

    /// <summary>Each test gets its own loopback Slack and bot in events mode, the clock at the vectors' "now".</summary>
    public async ValueTask InitializeAsync()
    {
        var ct = Wait.Token();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(MockNow));
        _peer = await SlackPeer.StartAsync(clock, ct);
        _host = await SlackBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-TEST",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _peer.ApiBaseUrl,
            ["Slack:AnswerConcurrency"] = "1",
            ["Chat:QuestionsPerMinute"] = "100",
        }, clock, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _peer.DisposeAsync();
    }

    private static JsonNode Case(int index) => Vectors["cases"]![index]!;

    private Task<HttpResponseMessage> PostCaseAsync(string path, JsonNode vector, string contentType, CancellationToken ct) =>
        _host.Http.SendAsync(SlackSigner.Request(_host.BaseUrl + path.TrimStart('/'), (string)vector["raw_body"]!, contentType,
            (string)vector["timestamp"]!, (string)vector["expected_signature"]!), ct);

    private Task<HttpResponseMessage>
        PostSignedAsync(string path, string body, string contentType, CancellationToken ct, string? retryNum = null)
    {
        var timestamp = _host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        var request = SlackSigner.Request(_host.BaseUrl + path.TrimStart('/'), body, contentType, timestamp,
            SlackSigner.Sign(Secret, timestamp, body));
        if (retryNum is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum);
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return _host.Http.SendAsync(request, ct);
    }

    [Fact]
    public async Task Url_verification_signed_with_the_secret_returns_the_challenge()
    {
        var ct = Wait.Token();

        var response = await PostCaseAsync("/slack/events", Case(3), "application/json", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = SlackFixtures.Json("slack_url_verification_response.json");
        Assert.Equal((string?)expected["challenge"], (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["challenge"]);
    }

    [Fact]
    public async Task Official_signing_example_is_accepted_on_the_slash_command_endpoint()
    {
        var ct = Wait.Token();

        var response = await PostCaseAsync("/slack/commands", Case(0), "application/x-www-form-urlencoded", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The example's command is /webhook-collect, which is not ours: refused politely, nothing queued.
        Assert.Contains("/layoffs", await response.Content.ReadAsStringAsync(ct));
    }

    [Theory]
    [InlineData(1, "/slack/commands")]
    [InlineData(2, "/slack/commands")]
    [InlineData(1, "/slack/events")]
    public async Task Changed_body_or_timestamp_is_refused_with_401(int caseIndex, string path)
    {
        var ct = Wait.Token();

        var response = await PostCaseAsync(path, Case(caseIndex), "application/x-www-form-urlencoded", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Mismatch"));
    }

    [Fact]
    public async Task Stale_timestamp_is_refused_with_401()
    {
        var ct = Wait.Token();

        _host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var response = await PostCaseAsync("/slack/events", Case(3), "application/json", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Message.Contains("StaleTimestamp"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"type\":\"event_callback\"}")]
    public async Task Malformed_payload_with_a_valid_signature_gets_400_and_a_log_line(string body)
    {
        var ct = Wait.Token();

        var response = await PostSignedAsync("/slack/events", body, "application/json", ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("malformed"));
    }

    [Fact]
    public async Task App_mention_is_acknowledged_at_once_answered_in_its_thread_and_a_retry_is_not_answered_again()
    {
        var ct = Wait.Token();
        _host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callback = SlackFixtures.Json("slack_app_mention_event_callback.json");
        callback["event"]!["text"] = "<@W23456789> is it everything a river should be?";
        var body = callback.ToJsonString();
        var response = await PostSignedAsync("/slack/events", body, "application/json", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(_host.Engine.Gate.Task.IsCompleted); // acknowledged before the answer exists

        var retry = await PostSignedAsync("/slack/events", body, "application/json", ct, retryNum: "1");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var other = SlackFixtures.Json("slack_app_mention_event_callback_bolt.json");
        other["event"]!["text"] = "<@W23456789> Hi there!";
        Assert.Equal(HttpStatusCode.OK,
            (await PostSignedAsync("/slack/events", other.ToJsonString(), "application/json", ct)).StatusCode);

        _host.Engine.Gate.SetResult();
        var post = (await _peer.ExpectAsync("chat.postMessage", ct)).Json;
        Assert.Equal("C123ABC456", (string?)post["channel"]);
        Assert.Equal("1515449522.000016", (string?)post["thread_ts"]);
        Assert.Equal("1595926230.009600", (string?)(await _peer.ExpectAsync("chat.postMessage", ct)).Json["thread_ts"]);
        Assert.Equal(["is it everything a river should be?", "Hi there!"], _host.Engine.Requests.Select(r => r.Question));
    }

    [Fact]
    public async Task Layoffs_slash_command_over_http_is_answered_on_response_url()
    {
        var ct = Wait.Token();

        var form = SlackFixtures.Text("slack_slash_command_form_bolt.txt")
            .Replace("command=%2Fhello-world", "command=%2Flayoffs")
            .Replace("text=Hi", "text=ask+how+many+jobs+did+Amazon+cut%3F")
            .Replace("response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F111%2Fxxxxx",
                "response_url=" + Uri.EscapeDataString(_peer.BaseUrl + "response/7"));
        var response = await PostSignedAsync("/slack/commands", form, "application/x-www-form-urlencoded", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["response_type"]);

        var reply = (await _peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal("in_channel", (string?)reply["response_type"]);
        Assert.Contains("Answer about: how many jobs did Amazon cut?", (string?)reply["text"]);
        Assert.Equal("how many jobs did Amazon cut?", Assert.Single(_host.Engine.Requests).Question);
    }

    [Fact]
    public async Task Empty_layoffs_command_gets_the_usage_only_for_the_caller()
    {
        var ct = Wait.Token();

        var form = SlackFixtures.Text("slack_slash_command_form.txt")
            .Replace("command=%2Fwebhook-collect", "command=%2Flayoffs")
            .Replace("response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN",
                "response_url=" + Uri.EscapeDataString(_peer.BaseUrl + "response/8"));
        Assert.Equal(HttpStatusCode.OK,
            (await PostSignedAsync("/slack/commands", form, "application/x-www-form-urlencoded", ct)).StatusCode);

        var reply = (await _peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Contains("/layoffs digest", string.Join("\n", reply["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"])));
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task A_signed_button_click_on_the_interactivity_url_is_acked_and_answered_on_its_response_url()
    {
        var ct = Wait.Token();
        var payload = SlackFixtures.Local("socket_interactive_block_actions_envelope.json")["payload"]!;
        payload["response_url"] = _peer.BaseUrl + "response/9";
        payload["actions"]![0]!["action_id"] = "feedback:up:0123456789abcdef";
        var form = "payload=" + Uri.EscapeDataString(payload.ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.PostAsync(_host.BaseUrl + "slack/interactions",
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await PostSignedAsync("/slack/interactions", form, "application/x-www-form-urlencoded", ct)).StatusCode);

        var note = (await _peer.ExpectAsync("response_url", ct)).Json;
        Assert.Equal("ephemeral", (string?)note["response_type"]);
        Assert.Equal("Sorry, I can't find that answer any more. Please ask the question again.", (string?)note["text"]);
    }
}
